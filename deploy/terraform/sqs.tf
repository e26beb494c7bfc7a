# The command queue (message group = tenant id, deduplication id = operation id) and its DLQ.

locals {
  fifo_throughput = var.high_throughput_fifo ? {
    deduplication_scope   = "messageGroup"
    fifo_throughput_limit = "perMessageGroupId"
    } : {
    deduplication_scope   = "queue"
    fifo_throughput_limit = "perQueue"
  }
}

resource "aws_sqs_queue" "dlq" {
  name                        = "${var.name_prefix}-commands-dlq.fifo"
  fifo_queue                  = true
  content_based_deduplication = false
  deduplication_scope         = local.fifo_throughput.deduplication_scope
  fifo_throughput_limit       = local.fifo_throughput.fifo_throughput_limit
  message_retention_seconds   = var.dlq_message_retention_seconds
  visibility_timeout_seconds  = var.visibility_timeout_seconds
  sqs_managed_sse_enabled     = true
}

resource "aws_sqs_queue" "commands" {
  name                        = "${var.name_prefix}-commands.fifo"
  fifo_queue                  = true
  content_based_deduplication = false
  deduplication_scope         = local.fifo_throughput.deduplication_scope
  fifo_throughput_limit       = local.fifo_throughput.fifo_throughput_limit
  message_retention_seconds   = var.message_retention_seconds
  visibility_timeout_seconds  = var.visibility_timeout_seconds
  receive_wait_time_seconds   = 20
  sqs_managed_sse_enabled     = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
}

# Only the command queue may dead-letter into the DLQ.
resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  queue_url = aws_sqs_queue.dlq.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.commands.arn]
  })
}

# Queue policies on top of the roles' own (iam.tf): whatever an IAM policy elsewhere in the account
# grants, only the relay (the API's role, on EKS or Fargate) may send commands, the ops replay role
# too on the command queue (a replay re-sends dead letters there), and neither queue answers a
# request that did not come over TLS. Redrive into the DLQ is done by SQS itself, not a SendMessage
# of a principal, so the DLQ's deny does not stop it.
locals {
  api_role_arns = concat(aws_iam_role.api[*].arn, module.api_fargate[*].task_role_arn)

  queue_senders = {
    commands = concat(local.api_role_arns, aws_iam_role.ops_replay[*].arn)
    dlq      = local.api_role_arns
  }

  queue_arns = {
    commands = aws_sqs_queue.commands.arn
    dlq      = aws_sqs_queue.dlq.arn
  }
}

data "aws_iam_policy_document" "queue" {
  for_each = local.queue_arns

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [each.value]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "DenySendExceptTheRelay"
    effect    = "Deny"
    actions   = ["sqs:SendMessage"]
    resources = [each.value]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "ArnNotEquals"
      variable = "aws:PrincipalArn"
      values   = local.queue_senders[each.key]
    }
  }

  statement {
    sid       = "AllowTheRelayToSend"
    actions   = ["sqs:SendMessage"]
    resources = [each.value]

    principals {
      type        = "AWS"
      identifiers = local.queue_senders[each.key]
    }
  }
}

resource "aws_sqs_queue_policy" "commands" {
  queue_url = aws_sqs_queue.commands.id
  policy    = data.aws_iam_policy_document.queue["commands"].json
}

resource "aws_sqs_queue_policy" "dlq" {
  queue_url = aws_sqs_queue.dlq.id
  policy    = data.aws_iam_policy_document.queue["dlq"].json
}
