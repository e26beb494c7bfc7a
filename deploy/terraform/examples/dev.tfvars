# Cost-minimal dev (seed 002): one 0.25 vCPU / 512 MiB ARM64 task on Fargate Spot, API Gateway
# HTTP API instead of an ALB, public subnets instead of a NAT gateway, SSM Parameter Store,
# 7 days of logs. About 9-10 USD a month for the API (docs/deploy.md).
environment       = "dev"
name_prefix       = "slipway-dev"
oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/DEV"
oidc_provider_url = "oidc.eks.eu-west-1.amazonaws.com/id/DEV"
api_on_fargate    = true
api_fargate = {
  image                   = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api-service:latest-arm64"
  vpc_id                  = "vpc-0123456789abcdef0"
  private_subnet_ids      = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] # public subnets here
  assign_public_ip        = true
  domain                  = "gw.dev.example.com"
  tenant_image            = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/gateway:1.0.0"
  jwt_issuer              = "https://login.example.com/"
  jwt_jwks_url            = "https://login.example.com/.well-known/jwks.json"
  desired_count           = 1
  cpu                     = 256
  memory                  = 512
  cpu_architecture        = "ARM64"
  fargate_spot            = true
  ingress                 = "api_gateway"
  health_check_command    = ["CMD-SHELL", "curl -fsS localhost:9080/q/health/ready || exit 1"]
  secret_store            = "ssm"
  database_parameter_path = "/slipway-dev/database"
  # The dev overlay's plan caps (api-service-env), so tenants are sized as on a Kubernetes API.
  extra_environment = {
    SLIPWAY_API_DEFAULT_PLAN                         = "small"
    SLIPWAY_API_PLANS_STANDARD_REPLICAS              = "1"
    SLIPWAY_API_PLANS_LARGE_AUTOSCALING_MIN_REPLICAS = "1"
    SLIPWAY_API_PLANS_LARGE_AUTOSCALING_MAX_REPLICAS = "2"
  }
}
