# The key-encryption key of gateway tokens at rest (service-common's KmsKeyProvider): each token
# is sealed under a fresh data key, and that data key is wrapped with KMS Encrypt under this key
# and unwrapped with Decrypt. The API seals (Encrypt, and Decrypt when it rotates or re-seals);
# worker and reconciler only open (Decrypt). Every call carries the provider's encryption context,
# so these grants cover token data keys only. The overlays name the key by its alias
# (SLIPWAY_TOKENS_KMS_KEY_ID in the slipway-tokens ConfigMap; docs/deploy.md).

locals {
  # KmsKeyProvider.CONTEXT: bound to every wrapped data key.
  token_encryption_context = { "slipway:purpose" = "gateway-token-data-key" }
}

resource "aws_kms_key" "tokens" {
  description = "${var.name_prefix}: wraps the data keys of gateway tokens at rest"
  # Yearly rotation of the key material; KMS keeps the old material, so older tokens still open.
  enable_key_rotation = true
  # A deleted key makes every stored token unreadable: the longest window to cancel a deletion.
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "tokens" {
  name          = "alias/${var.name_prefix}-tokens"
  target_key_id = aws_kms_key.tokens.key_id
}

# api-service: wraps new data keys, unwraps them to rotate or re-seal.
data "aws_iam_policy_document" "tokens_seal" {
  statement {
    sid       = "SealGatewayTokens"
    actions   = ["kms:Encrypt", "kms:Decrypt"]
    resources = [aws_kms_key.tokens.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:slipway:purpose"
      values   = [local.token_encryption_context["slipway:purpose"]]
    }
  }
}

# provisioner-worker and reconciler-job: unwrap only (they open tokens, never seal one).
data "aws_iam_policy_document" "tokens_open" {
  statement {
    sid       = "OpenGatewayTokens"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.tokens.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:slipway:purpose"
      values   = [local.token_encryption_context["slipway:purpose"]]
    }
  }
}

resource "aws_iam_role_policy" "api_tokens" {
  count  = var.api_on_fargate ? 0 : 1
  name   = "kms-seal-gateway-tokens"
  role   = aws_iam_role.api[0].id
  policy = data.aws_iam_policy_document.tokens_seal.json
}

resource "aws_iam_role_policy" "worker_tokens" {
  name   = "kms-open-gateway-tokens"
  role   = aws_iam_role.worker.id
  policy = data.aws_iam_policy_document.tokens_open.json
}

resource "aws_iam_role_policy" "reconciler_tokens" {
  name   = "kms-open-gateway-tokens"
  role   = aws_iam_role.reconciler.id
  policy = data.aws_iam_policy_document.tokens_open.json
}
