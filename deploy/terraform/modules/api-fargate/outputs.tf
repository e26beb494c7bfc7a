output "url" {
  description = "HTTPS URL of the API (point its DNS name at alb_dns_name or api_gateway_target_domain_name)."
  value = local.alb ? "https://${aws_lb.api[0].dns_name}" : (
    var.api_domain_name != null ? "https://${var.api_domain_name}" : aws_apigatewayv2_api.api[0].api_endpoint
  )
}

output "alb_dns_name" {
  description = "DNS name of the ALB (null with ingress api_gateway)."
  value       = local.alb ? aws_lb.api[0].dns_name : null
}

output "api_gateway_target_domain_name" {
  description = "Where api_domain_name's DNS record points (null without ingress api_gateway and api_domain_name)."
  value       = local.api_gateway && var.api_domain_name != null ? aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].target_domain_name : null
}

output "task_role_arn" {
  description = "Role of the API tasks."
  value       = aws_iam_role.task.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the API."
  value       = aws_cloudwatch_log_group.api.name
}

output "log_retention_days" {
  description = "Days CloudWatch keeps the API's logs."
  value       = aws_cloudwatch_log_group.api.retention_in_days
}
