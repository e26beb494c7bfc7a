# Production: the queues and IRSA roles. The API runs on EKS (the prod overlay's components/api),
# so api_on_fargate stays false: one API fleet per database. The Fargate settings below are the
# alternative, kept ready (two on-demand X86_64 tasks, 0.5 vCPU / 1 GiB, behind the HTTPS ALB,
# private subnets with NAT, Secrets Manager, 30 days of logs): to switch, set api_on_fargate = true
# and drop components/api from deploy/k8s/overlays/prod in the same change.
environment       = "prod"
name_prefix       = "slipway-prod"
oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/PROD"
oidc_provider_url = "oidc.eks.eu-west-1.amazonaws.com/id/PROD"
ops_principal_arns = [
  "arn:aws:iam::123456789012:role/platform-oncall",
]
high_throughput_fifo = true
api_on_fargate       = false
api_fargate = {
  image               = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api-service:0.1.0@sha256:0000000000000000000000000000000000000000000000000000000000000003" # PLACEHOLDER: the digest ./slipway images pushed
  vpc_id              = "vpc-0fedcba9876543210"
  private_subnet_ids  = ["subnet-0cccccccccccccccc", "subnet-0dddddddddddddddd"]
  public_subnet_ids   = ["subnet-0eeeeeeeeeeeeeeee", "subnet-0ffffffffffffffff"]
  certificate_arn     = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  domain              = "gw.example.com"
  tenant_image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/gateway:1.0.0"
  jwt_issuer          = "https://login.example.com/"
  jwt_jwks_url        = "https://login.example.com/.well-known/jwks.json"
  desired_count       = 2
  cpu                 = 512
  memory              = 1024
  cpu_architecture    = "X86_64"
  fargate_spot        = false
  ingress             = "alb"
  secret_store        = "secrets_manager"
  database_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:slipway-prod-db-AbCdEf"
  # The prod overlay's plan settings (api-service-env).
  extra_environment = {
    SLIPWAY_API_DEFAULT_PLAN = "small"
  }
}
