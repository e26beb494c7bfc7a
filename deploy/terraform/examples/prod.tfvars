# Production: two on-demand X86_64 tasks (0.5 vCPU / 1 GiB) behind the HTTPS ALB, private subnets
# with NAT, Secrets Manager (rotation), 30 days of logs. The module's defaults, spelled out.
environment       = "prod"
name_prefix       = "slipway-prod"
oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/PROD"
oidc_provider_url = "oidc.eks.eu-west-1.amazonaws.com/id/PROD"
ops_principal_arns = [
  "arn:aws:iam::123456789012:role/platform-oncall",
]
high_throughput_fifo = true
api_on_fargate       = true
api_fargate = {
  image               = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api-service:0.1.0"
  vpc_id              = "vpc-0fedcba9876543210"
  private_subnet_ids  = ["subnet-0cccccccccccccccc", "subnet-0dddddddddddddddd"]
  public_subnet_ids   = ["subnet-0eeeeeeeeeeeeeeee", "subnet-0ffffffffffffffff"]
  certificate_arn     = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  domain              = "gw.example.com"
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
}
