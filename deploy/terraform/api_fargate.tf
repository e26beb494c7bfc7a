# Seed 000's split: the api-service on ECS Fargate, the rest on EKS. The cost options (ingress,
# Spot, ARM64, secret store, log retention) are compared in docs/deploy.md.
module "api_fargate" {
  source = "./modules/api-fargate"
  count  = var.api_on_fargate ? 1 : 0

  name_prefix             = var.name_prefix
  region                  = var.region
  image                   = var.api_fargate.image
  vpc_id                  = var.api_fargate.vpc_id
  private_subnet_ids      = var.api_fargate.private_subnet_ids
  public_subnet_ids       = var.api_fargate.public_subnet_ids
  certificate_arn         = var.api_fargate.certificate_arn
  domain                  = var.api_fargate.domain
  jwt_issuer              = var.api_fargate.jwt_issuer
  jwt_jwks_url            = var.api_fargate.jwt_jwks_url
  desired_count           = var.api_fargate.desired_count
  cpu                     = var.api_fargate.cpu
  memory                  = var.api_fargate.memory
  ingress                 = var.api_fargate.ingress
  api_domain_name         = var.api_fargate.api_domain_name
  api_gateway_throttle    = var.api_fargate.api_gateway_throttle
  health_check_command    = var.api_fargate.health_check_command
  cpu_architecture        = var.api_fargate.cpu_architecture
  fargate_spot            = var.api_fargate.fargate_spot
  fargate_on_demand_base  = var.api_fargate.fargate_on_demand_base
  assign_public_ip        = var.api_fargate.assign_public_ip
  secret_store            = var.api_fargate.secret_store
  database_secret_arn     = var.api_fargate.database_secret_arn
  database_parameter_path = var.api_fargate.database_parameter_path
  secrets_kms_key_arn     = var.api_fargate.secrets_kms_key_arn
  log_retention_days      = var.log_retention_days[var.environment]
  queue_url               = aws_sqs_queue.commands.id
  dlq_url                 = aws_sqs_queue.dlq.id
  tenant_namespaces       = var.api_fargate.tenant_namespaces
  tenant_image            = var.api_fargate.tenant_image
  extra_environment       = var.api_fargate.extra_environment
  queue_policy_json       = data.aws_iam_policy_document.api.json
  token_kms_key_arn       = aws_kms_key.tokens.arn
  token_key_policy_json   = data.aws_iam_policy_document.tokens_seal.json
}
