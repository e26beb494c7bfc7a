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
