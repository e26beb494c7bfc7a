output "command_queue_url" {
  description = "SLIPWAY_API_QUEUE_URL, SLIPWAY_WORKER_QUEUE_URL and SLIPWAY_RECONCILER_QUEUE_URL."
  value       = aws_sqs_queue.commands.id
}

output "command_queue_arn" {
  description = "ARN of the command queue."
  value       = aws_sqs_queue.commands.arn
}

output "dlq_url" {
  description = "SLIPWAY_WORKER_DLQ_URL (the worker's DLQ depth gauge) and the replay source."
  value       = aws_sqs_queue.dlq.id
}

output "dlq_arn" {
  description = "ARN of the dead-letter queue."
  value       = aws_sqs_queue.dlq.arn
}

output "token_kms_key_arn" {
  description = "ARN of the gateway-token key; its alias is token_kms_key_alias. SLIPWAY_TOKENS_KMS_KEY_ID of every service (the slipway-tokens ConfigMap)."
  value       = aws_kms_key.tokens.arn
}

output "token_kms_key_alias" {
  description = "Alias of the gateway-token key, as the overlays name it (alias/<name_prefix>-tokens)."
  value       = aws_kms_alias.tokens.name
}

output "worker_role_arn" {
  description = "eks.amazonaws.com/role-arn of the provisioner-worker service account."
  value       = aws_iam_role.worker.arn
}

output "reconciler_role_arn" {
  description = "eks.amazonaws.com/role-arn of the reconciler-job service account."
  value       = aws_iam_role.reconciler.arn
}

output "api_role_arn" {
  description = "eks.amazonaws.com/role-arn of the api-service service account (null when the API runs on Fargate)."
  value       = var.api_on_fargate ? null : aws_iam_role.api[0].arn
}

output "ops_replay_role_arn" {
  description = "Role the operators assume to replay the DLQ (null when ops_principal_arns is empty)."
  value       = length(var.ops_principal_arns) > 0 ? aws_iam_role.ops_replay[0].arn : null
}

output "api_url" {
  description = "HTTPS URL of the API on Fargate (null when it runs on EKS)."
  value       = var.api_on_fargate ? module.api_fargate[0].url : null
}

output "api_dns_target" {
  description = "Where the API's DNS name points: the ALB, or the API Gateway custom domain's target (null on EKS, or on API Gateway without api_domain_name)."
  value       = var.api_on_fargate ? try(coalesce(module.api_fargate[0].alb_dns_name, module.api_fargate[0].api_gateway_target_domain_name), null) : null
}

output "api_log_group" {
  description = "CloudWatch log group of the API on Fargate (null on EKS)."
  value       = var.api_on_fargate ? module.api_fargate[0].log_group_name : null
}
