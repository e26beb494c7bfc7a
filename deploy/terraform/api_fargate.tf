# Seed 000's split: the api-service on ECS Fargate behind an ALB, the rest on EKS.
module "api_fargate" {
  source = "./modules/api-fargate"
  count  = var.api_on_fargate ? 1 : 0

  name_prefix         = var.name_prefix
  region              = var.region
  image               = var.api_fargate.image
  vpc_id              = var.api_fargate.vpc_id
  private_subnet_ids  = var.api_fargate.private_subnet_ids
  public_subnet_ids   = var.api_fargate.public_subnet_ids
  certificate_arn     = var.api_fargate.certificate_arn
  database_secret_arn = var.api_fargate.database_secret_arn
  domain              = var.api_fargate.domain
  jwt_issuer          = var.api_fargate.jwt_issuer
  jwt_jwks_url        = var.api_fargate.jwt_jwks_url
  desired_count       = var.api_fargate.desired_count
  queue_url           = aws_sqs_queue.commands.id
  queue_policy_json   = data.aws_iam_policy_document.api.json
}
