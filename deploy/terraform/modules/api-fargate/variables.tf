variable "name_prefix" {
  description = "Prefix of every name."
  type        = string
}

variable "region" {
  description = "AWS region (logs, SQS)."
  type        = string
}

variable "image" {
  description = "api-service container image, as ./slipway images pushes it (docs/images.md): REGISTRY/slipway/api-service:TAG, pinned with @sha256:DIGEST in production."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the ALB and the tasks."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets of the tasks and of the API Gateway VPC link. Private ones reach RDS and SQS through NAT or VPC endpoints; public ones need assign_public_ip."
  type        = list(string)
}

variable "public_subnet_ids" {
  description = "Subnets of the internet-facing ALB (ingress alb only)."
  type        = list(string)
  default     = []
}

variable "certificate_arn" {
  description = "ACM certificate of the API's host name: the ALB's listener, or api_domain_name's."
  type        = string
  default     = null
}

variable "database_secret_arn" {
  description = "secret_store secrets_manager: the secret, JSON with keys jdbc-url, reactive-url, username, password."
  type        = string
  default     = null
}

variable "domain" {
  description = "Tenant domain (SLIPWAY_FLEET_DOMAIN): the overlay's slipway-fleet value, the worker's and reconciler's."
  type        = string
}

variable "jwt_issuer" {
  description = "MP_JWT_VERIFY_ISSUER."
  type        = string
}

variable "jwt_jwks_url" {
  description = "MP_JWT_VERIFY_PUBLICKEY_LOCATION (the identity provider's JWKS URL)."
  type        = string
}

variable "desired_count" {
  description = "Number of API tasks."
  type        = number
  default     = 2
}

variable "cpu" {
  description = "Task CPU units (512 = 0.5 vCPU, seed 003's production task size; 256 is seed 002's smallest)."
  type        = number
  default     = 512

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be a Fargate size: 256, 512, 1024, 2048, 4096, 8192 or 16384."
  }
}

variable "memory" {
  description = "Task memory in MiB (seed 003: 1 GiB; the JVM gets 70 %)."
  type        = number
  default     = 1024
}

variable "queue_url" {
  description = "URL of the command queue (SLIPWAY_API_QUEUE_URL)."
  type        = string
}

variable "dlq_url" {
  description = "URL of the command queue's dead-letter queue (SLIPWAY_API_OPS_DLQ_URL), for the ops replay endpoints."
  type        = string
}

variable "tenant_namespaces" {
  description = "Tenant namespaces, the default first (SLIPWAY_FLEET_NAMESPACES): the overlay's slipway-fleet value, the worker's and reconciler's."
  type        = list(string)
  default     = ["tenants"]
}

variable "tenant_image" {
  description = "The tenants' gateway image (SLIPWAY_FLEET_IMAGE): the overlay's slipway-fleet value. The API reads the whole fleet configuration, which has no default for it."
  type        = string
}

variable "extra_environment" {
  description = "Further environment of the API container, as the Kubernetes overlays' api-service-env gives it (e.g. the plan caps SLIPWAY_API_DEFAULT_PLAN, SLIPWAY_API_PLANS_<PLAN>_...), so a Fargate API sizes tenants as a Kubernetes one would. Cannot replace a variable this module sets itself."
  type        = map(string)
  default     = {}

  validation {
    condition = length(setintersection(keys(var.extra_environment), [
      "QUARKUS_SQS_AWS_REGION", "SLIPWAY_API_QUEUE_URL", "SLIPWAY_API_OPS_DLQ_URL",
      "SLIPWAY_FLEET_DOMAIN", "SLIPWAY_FLEET_NAMESPACES", "SLIPWAY_FLEET_IMAGE",
      "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "JAVA_OPTS_APPEND",
      "SLIPWAY_TOKENS_KEY_PROVIDER", "SLIPWAY_TOKENS_KMS_KEY_ID", "QUARKUS_KMS_AWS_REGION",
    ])) == 0
    error_message = "extra_environment cannot replace a variable the module sets from its own variables."
  }
}

variable "queue_policy_json" {
  description = "IAM policy of the task role: SendMessage and GetQueueAttributes on the command queue; receive, delete and change visibility on its DLQ."
  type        = string
}

variable "token_kms_key_arn" {
  description = "KMS key gateway tokens are sealed under (SLIPWAY_TOKENS_KMS_KEY_ID)."
  type        = string
}

variable "token_key_policy_json" {
  description = "IAM policy of the task role on that key: kms:Encrypt and kms:Decrypt (KmsKeyProvider wraps and unwraps data keys)."
  type        = string
}

# ---- cost options (docs/deploy.md compares them) ----------------------------------------------

variable "ingress" {
  description = "What serves the API to the internet: alb (HTTPS ALB, fixed monthly price) or api_gateway (API Gateway HTTP API + VPC link + Cloud Map, per request)."
  type        = string
  default     = "alb"

  validation {
    condition     = contains(["alb", "api_gateway"], var.ingress)
    error_message = "ingress must be \"alb\" or \"api_gateway\"."
  }
}

variable "api_domain_name" {
  description = "ingress api_gateway: custom host name of the API (needs certificate_arn); null serves the execute-api host name."
  type        = string
  default     = null
}

variable "api_gateway_throttle" {
  description = "ingress api_gateway: requests per second and burst of the whole stage."
  type = object({
    rate_limit  = number
    burst_limit = number
  })
  default = { rate_limit = 100, burst_limit = 200 }
}

variable "health_check_command" {
  description = "Container health check command (e.g. [\"CMD-SHELL\", \"curl -fsS localhost:8080/q/health/ready || exit 1\"]), needs the tool in the image. Without an ALB it is the only readiness signal ECS and Cloud Map get; null: none."
  type        = list(string)
  default     = null
}

variable "cpu_architecture" {
  description = "X86_64 or ARM64 (Graviton, about 20 % cheaper; the image must be built for it)."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be \"X86_64\" or \"ARM64\"."
  }
}

variable "fargate_spot" {
  description = "Run the tasks on Fargate Spot (capacity provider strategy) instead of the FARGATE launch type. Spot tasks can be reclaimed with two minutes' notice. Switching either way replaces the ECS service."
  type        = bool
  default     = false
}

variable "fargate_on_demand_base" {
  description = "With fargate_spot: this many tasks always on on-demand Fargate, the rest on Spot. Spot does not fall back to on-demand when it has no capacity."
  type        = number
  default     = 0

  validation {
    condition     = var.fargate_on_demand_base >= 0 && floor(var.fargate_on_demand_base) == var.fargate_on_demand_base
    error_message = "fargate_on_demand_base must be a whole number, 0 or more."
  }
}

variable "assign_public_ip" {
  description = "Give each task a public IP (tasks in public subnets, no NAT gateway; seed 002). Ingress stays limited to the ALB or the VPC link by the security group."
  type        = bool
  default     = false
}

variable "secret_store" {
  description = "Where the database settings are: secrets_manager (database_secret_arn) or ssm (Parameter Store SecureStrings under database_parameter_path)."
  type        = string
  default     = "secrets_manager"

  validation {
    condition     = contains(["secrets_manager", "ssm"], var.secret_store)
    error_message = "secret_store must be \"secrets_manager\" or \"ssm\"."
  }
}

variable "database_parameter_path" {
  description = "secret_store ssm: path of the parameters, e.g. /slipway-dev/database (holding jdbc-url, reactive-url, username, password)."
  type        = string
  default     = null

  validation {
    condition     = var.database_parameter_path == null ? true : can(regex("^(/[A-Za-z0-9_.-]+)+$", var.database_parameter_path))
    error_message = "database_parameter_path must look like /slipway-dev/database (no trailing slash)."
  }
}

variable "secrets_kms_key_arn" {
  description = "Customer-managed KMS key of the secret or the parameters (kms:Decrypt for the execution role); null for the AWS-managed key."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the API's logs (the root module picks it per environment)."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}
