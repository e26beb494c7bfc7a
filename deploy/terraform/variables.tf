variable "region" {
  description = "AWS region of the queue, the roles and the EKS cluster."
  type        = string
  default     = "eu-west-1"
}

variable "name_prefix" {
  description = "Prefix of every name (queues, roles), e.g. slipway-prod."
  type        = string
  default     = "slipway"
}

variable "environment" {
  description = "dev, staging or prod: picks the per-environment defaults (log retention). prod keeps the settings this module had before environments existed."
  type        = string
  default     = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention in days by environment (dev 7 and prod 30 as seed 003, staging 14 as seed 002's single production). Values CloudWatch accepts only."
  type        = map(number)
  default = {
    dev     = 7
    staging = 14
    prod    = 30
  }

  validation {
    condition     = alltrue([for e in ["dev", "staging", "prod"] : contains(keys(var.log_retention_days), e)])
    error_message = "log_retention_days needs a value for each of dev, staging and prod."
  }

  validation {
    condition     = alltrue([for d in values(var.log_retention_days) : contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], d)])
    error_message = "log_retention_days values must be ones CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}

# ---- queue ------------------------------------------------------------------------------------

variable "max_receive_count" {
  description = "Receives before SQS itself moves a command to the DLQ: the backstop for a worker that dies on a message. The worker dead-letters a command after slipway.worker.retry.max-attempts (10) attempts; a command queued behind a retried one is received with it each time, and shutdown releases cost a receive too, so keep this at twice max-attempts or more."
  type        = number
  default     = 30

  validation {
    condition     = var.max_receive_count >= 20
    error_message = "max_receive_count must be at least 20: twice the worker's retry.max-attempts, since a command queued behind a retried one is received (and counted) with it."
  }
}

variable "visibility_timeout_seconds" {
  description = "Default visibility of a received command. The worker extends it by 30 s every 10 s while it works (consumer.heartbeat-*); this is how soon a command held by a crashed worker is seen again. Must exceed slipway.worker.consumer.heartbeat-extension (30 s)."
  type        = number
  default     = 60

  validation {
    condition     = var.visibility_timeout_seconds > 30 && var.visibility_timeout_seconds <= 43200
    error_message = "visibility_timeout_seconds must be above the worker's 30 s heartbeat extension and at most 12 hours."
  }
}

variable "message_retention_seconds" {
  description = "How long an unconsumed command stays in the queue (default 4 days)."
  type        = number
  default     = 345600
}

variable "dlq_message_retention_seconds" {
  description = "How long a dead-lettered command stays in the DLQ (default and maximum 14 days). Keep it above the queue's retention."
  type        = number
  default     = 1209600
}

variable "high_throughput_fifo" {
  description = "SQS high-throughput FIFO mode: deduplication and throughput limits per message group (tenant) instead of per queue."
  type        = bool
  default     = false
}

# ---- IRSA -------------------------------------------------------------------------------------

variable "oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (aws_iam_openid_connect_provider)."
  type        = string
}

variable "oidc_provider_url" {
  description = "The cluster's OIDC issuer URL, with or without https:// (e.g. oidc.eks.eu-west-1.amazonaws.com/id/ABC)."
  type        = string
}

variable "kubernetes_namespace" {
  description = "Namespace of Slipway's own services (deploy/k8s: slipway)."
  type        = string
  default     = "slipway"
}

variable "worker_service_account" {
  description = "Service account of the provisioner-worker."
  type        = string
  default     = "provisioner-worker"
}

variable "reconciler_service_account" {
  description = "Service account of the reconciler-job (it reads the command queue's depth)."
  type        = string
  default     = "reconciler-job"
}

variable "api_service_account" {
  description = "Service account of the api-service when it runs on EKS."
  type        = string
  default     = "api-service"
}

variable "ops_principal_arns" {
  description = "IAM principals (roles or users) allowed to assume the DLQ replay role. Empty: no replay role."
  type        = list(string)
  default     = []
}

# ---- optional: the API on ECS Fargate (seed 000's split) ---------------------------------------

variable "api_on_fargate" {
  description = "Run the api-service on ECS Fargate behind an ALB (modules/api-fargate) instead of EKS."
  type        = bool
  default     = false
}

variable "api_fargate" {
  description = "Settings of modules/api-fargate when api_on_fargate is true; its variables.tf documents each. The optional ones default to the original setup: ALB, on-demand X86_64, 0.5 vCPU / 1 GiB, Secrets Manager."
  type = object({
    image                   = string
    vpc_id                  = string
    private_subnet_ids      = list(string)
    public_subnet_ids       = optional(list(string), [])
    certificate_arn         = optional(string)
    domain                  = string
    jwt_issuer              = string
    jwt_jwks_url            = string
    desired_count           = optional(number, 2)
    cpu                     = optional(number, 512)
    memory                  = optional(number, 1024)
    ingress                 = optional(string, "alb")
    api_domain_name         = optional(string)
    api_gateway_throttle    = optional(object({ rate_limit = number, burst_limit = number }), { rate_limit = 100, burst_limit = 200 })
    health_check_command    = optional(list(string))
    cpu_architecture        = optional(string, "X86_64")
    fargate_spot            = optional(bool, false)
    fargate_on_demand_base  = optional(number, 0)
    assign_public_ip        = optional(bool, false)
    secret_store            = optional(string, "secrets_manager")
    database_secret_arn     = optional(string)
    database_parameter_path = optional(string)
    secrets_kms_key_arn     = optional(string)
    tenant_namespaces       = optional(list(string), ["tenants"])
    tenant_image            = string
    extra_environment       = optional(map(string), {})
  })
  default = null
}
