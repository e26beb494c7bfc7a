# The root module planned offline with the real AWS provider: EKS only (the default), the API on
# Fargate per environment, and the root variables' validations.

provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

variables {
  name_prefix       = "slipway-test"
  oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"
  oidc_provider_url = "oidc.eks.eu-west-1.amazonaws.com/id/ABC"
}

run "eks_only_by_default" {
  command = plan

  assert {
    condition     = output.api_url == null && output.api_log_group == null && length(aws_iam_role.api) == 1
    error_message = "default: the API on EKS with its IRSA role, no Fargate"
  }
}

run "reconciler_only_reads_the_command_queue_depth" {
  command = plan

  assert {
    condition     = aws_iam_role.reconciler.name == "slipway-test-reconciler-job"
    error_message = "the reconciler's IRSA role is <prefix>-reconciler-job"
  }
  assert {
    condition     = jsondecode(data.aws_iam_policy_document.assume["reconciler"].json).Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub"] == "system:serviceaccount:slipway:reconciler-job"
    error_message = "only the slipway:reconciler-job service account assumes the reconciler's role"
  }
  assert {
    condition     = length(data.aws_iam_policy_document.reconciler.statement) == 1 && toset(data.aws_iam_policy_document.reconciler.statement[0].actions) == toset(["sqs:GetQueueAttributes"])
    error_message = "the reconciler may only read queue attributes"
  }
}

run "fargate_log_retention_follows_the_environment" {
  command = plan

  variables {
    environment    = "dev"
    api_on_fargate = true
    api_fargate = {
      image               = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api-service:0.1.0"
      vpc_id              = "vpc-0123456789abcdef0"
      private_subnet_ids  = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
      public_subnet_ids   = ["subnet-0000000000000000c", "subnet-0000000000000000d"]
      certificate_arn     = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
      database_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:slipway-db-AbCdEf"
      domain              = "gw.example.com"
      tenant_image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/gateway:1.0.0"
      jwt_issuer          = "https://login.example.com/"
      jwt_jwks_url        = "https://login.example.com/.well-known/jwks.json"
    }
  }

  assert {
    condition     = module.api_fargate[0].log_retention_days == 7
    error_message = "dev keeps 7 days of API logs"
  }
  assert {
    condition     = output.api_log_group == "/ecs/slipway-test-api" && length(aws_iam_role.api) == 0 && length(aws_iam_role_policy.api_tokens) == 0
    error_message = "the API on Fargate: its log group, and no IRSA role (nor its token policy)"
  }
}

run "rejects_an_unknown_environment_and_bad_retentions" {
  command = plan
  variables {
    environment        = "qa"
    log_retention_days = { dev = 10, prod = 30 }
  }
  expect_failures = [var.environment, var.log_retention_days]
}

run "only_the_relay_sends_and_only_over_tls" {
  command = plan

  assert {
    condition = alltrue([for q in ["commands", "dlq"] : anytrue([
      for s in data.aws_iam_policy_document.queue[q].statement : s.effect == "Deny" && toset(s.actions) == toset(["sqs:*"]) && anytrue([
        for c in s.condition : c.test == "Bool" && c.variable == "aws:SecureTransport" && toset(c.values) == toset(["false"])
      ])
    ])])
    error_message = "both queues deny every request that does not come over TLS"
  }
  assert {
    condition = alltrue([for q in ["commands", "dlq"] : anytrue([
      for s in data.aws_iam_policy_document.queue[q].statement : s.effect == "Deny" && toset(s.actions) == toset(["sqs:SendMessage"]) && anytrue([
        for c in s.condition : c.test == "ArnNotEquals" && c.variable == "aws:PrincipalArn" && length(c.values) == length(local.queue_senders[q])
      ])
    ])])
    error_message = "both queues deny SendMessage to every principal but their senders"
  }
  assert {
    condition     = length(local.queue_senders["commands"]) == 1 && length(local.queue_senders["dlq"]) == 1
    error_message = "without an ops replay role, the API's IRSA role is the only sender"
  }
  assert {
    condition     = aws_sqs_queue_policy.commands != null && aws_sqs_queue_policy.dlq != null
    error_message = "both queues carry their policy"
  }
}

run "the_ops_replay_role_may_also_send_commands" {
  command = plan

  variables {
    ops_principal_arns = ["arn:aws:iam::123456789012:role/oncall"]
  }

  assert {
    condition     = length(local.queue_senders["commands"]) == 2 && length(local.queue_senders["dlq"]) == 1
    error_message = "the ops replay role re-sends to the command queue, never to the DLQ"
  }
}

run "gateway_tokens_are_sealed_under_a_rotated_key" {
  command = plan

  assert {
    condition     = aws_kms_key.tokens.enable_key_rotation && aws_kms_alias.tokens.name == "alias/slipway-test-tokens"
    error_message = "the token key rotates and is named alias/<prefix>-tokens, as the overlays name it"
  }
  assert {
    condition     = toset(data.aws_iam_policy_document.tokens_seal.statement[0].actions) == toset(["kms:Encrypt", "kms:Decrypt"]) && length(aws_iam_role_policy.api_tokens) == 1
    error_message = "the API's IRSA role wraps and unwraps token data keys (KmsKeyProvider: Encrypt, Decrypt)"
  }
  assert {
    condition     = toset(data.aws_iam_policy_document.tokens_open.statement[0].actions) == toset(["kms:Decrypt"])
    error_message = "worker and reconciler only unwrap token data keys"
  }
  assert {
    condition     = aws_iam_role_policy.worker_tokens.name == "kms-open-gateway-tokens" && aws_iam_role_policy.reconciler_tokens.name == "kms-open-gateway-tokens"
    error_message = "worker and reconciler carry the open-only token policy"
  }
  assert {
    condition     = alltrue([for d in [data.aws_iam_policy_document.tokens_seal, data.aws_iam_policy_document.tokens_open] : anytrue([for c in d.statement[0].condition : c.variable == "kms:EncryptionContext:slipway:purpose" && toset(c.values) == toset(["gateway-token-data-key"])])])
    error_message = "the grants cover token data keys only (KmsKeyProvider.CONTEXT)"
  }
}
