# IAM roles for service accounts (IRSA), one per service, each with only the queue actions its
# code calls.

locals {
  oidc_issuer = trimprefix(var.oidc_provider_url, "https://")

  # Each IRSA role's service account in var.kubernetes_namespace.
  irsa_service_accounts = {
    worker     = var.worker_service_account
    api        = var.api_service_account
    reconciler = var.reconciler_service_account
  }
}

data "aws_iam_policy_document" "assume" {
  for_each = local.irsa_service_accounts

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.kubernetes_namespace}:${each.value}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

# provisioner-worker: consume the command queue; move a command out of attempts (or unreadable) to
# the DLQ and read the DLQ's depth for its gauge.
data "aws_iam_policy_document" "worker" {
  statement {
    sid = "ConsumeCommands"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueAttributes",
    ]
    resources = [aws_sqs_queue.commands.arn]
  }

  statement {
    sid       = "DeadLetterMoveAndDepth"
    actions   = ["sqs:SendMessage", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.dlq.arn]
  }
}

resource "aws_iam_role" "worker" {
  name               = "${var.name_prefix}-provisioner-worker"
  assume_role_policy = data.aws_iam_policy_document.assume["worker"].json
}

resource "aws_iam_role_policy" "worker" {
  name   = "sqs-consume-commands"
  role   = aws_iam_role.worker.id
  policy = data.aws_iam_policy_document.worker.json
}

# api-service: the outbox relay sends (SendMessageBatch is authorized as SendMessage); the
# queue health group reads the depth.
data "aws_iam_policy_document" "api" {
  statement {
    sid       = "PublishCommands"
    actions   = ["sqs:SendMessage", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.commands.arn]
  }
  # The ops endpoints (/v1/ops/dead-letters): list, replay (re-send to the command queue, then
  # delete) and discard dead letters, and report the DLQ's depth.
  statement {
    sid = "ReplayDeadLetters"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueAttributes",
    ]
    resources = [aws_sqs_queue.dlq.arn]
  }
}

resource "aws_iam_role" "api" {
  count              = var.api_on_fargate ? 0 : 1
  name               = "${var.name_prefix}-api-service"
  assume_role_policy = data.aws_iam_policy_document.assume["api"].json
}

resource "aws_iam_role_policy" "api" {
  count  = var.api_on_fargate ? 0 : 1
  name   = "sqs-publish-commands"
  role   = aws_iam_role.api[0].id
  policy = data.aws_iam_policy_document.api.json
}

# reconciler-job: reads the command queue's approximate counts (visible, in flight, delayed) to
# tell a command still waiting in the queue from a lost one. It never receives or sends.
data "aws_iam_policy_document" "reconciler" {
  statement {
    sid       = "ReadCommandQueueDepth"
    actions   = ["sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.commands.arn]
  }
}

resource "aws_iam_role" "reconciler" {
  name               = "${var.name_prefix}-reconciler-job"
  assume_role_policy = data.aws_iam_policy_document.assume["reconciler"].json
}

resource "aws_iam_role_policy" "reconciler" {
  name   = "sqs-read-command-queue-depth"
  role   = aws_iam_role.reconciler.id
  policy = data.aws_iam_policy_document.reconciler.json
}

# Ops DLQ replay: read and delete from the DLQ, send back to the command queue (receive/send/
# delete, or an SQS message move task).
data "aws_iam_policy_document" "assume_ops" {
  count = length(var.ops_principal_arns) > 0 ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = var.ops_principal_arns
    }
  }
}

data "aws_iam_policy_document" "ops" {
  statement {
    sid = "ReadDeadLetters"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueAttributes",
      "sqs:StartMessageMoveTask",
      "sqs:ListMessageMoveTasks",
      "sqs:CancelMessageMoveTask",
    ]
    resources = [aws_sqs_queue.dlq.arn]
  }

  statement {
    sid       = "ReplayCommands"
    actions   = ["sqs:SendMessage", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.commands.arn]
  }
}

resource "aws_iam_role" "ops_replay" {
  count              = length(var.ops_principal_arns) > 0 ? 1 : 0
  name               = "${var.name_prefix}-dlq-replay"
  assume_role_policy = data.aws_iam_policy_document.assume_ops[0].json
}

resource "aws_iam_role_policy" "ops_replay" {
  count  = length(var.ops_principal_arns) > 0 ? 1 : 0
  name   = "sqs-dlq-replay"
  role   = aws_iam_role.ops_replay[0].id
  policy = data.aws_iam_policy_document.ops.json
}
