output "url" {
  description = "HTTPS URL of the load balancer (point the API's DNS name at it)."
  value       = "https://${aws_lb.api.dns_name}"
}

output "alb_dns_name" {
  description = "DNS name of the ALB."
  value       = aws_lb.api.dns_name
}

output "task_role_arn" {
  description = "Role of the API tasks."
  value       = aws_iam_role.task.arn
}
