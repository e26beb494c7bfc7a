variable "name_prefix" {
  description = "Prefix of every name."
  type        = string
}

variable "region" {
  description = "AWS region (logs, SQS)."
  type        = string
}

variable "image" {
  description = "api-service container image."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the ALB and the tasks."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets of the tasks (reach RDS and SQS through NAT or VPC endpoints)."
  type        = list(string)
}

variable "public_subnet_ids" {
  description = "Subnets of the internet-facing ALB."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate of the API's host name."
  type        = string
}

variable "database_secret_arn" {
  description = "Secrets Manager secret, JSON with keys jdbc-url, reactive-url, username, password."
  type        = string
}

variable "domain" {
  description = "Tenant domain (SLIPWAY_API_DOMAIN)."
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
  description = "Task CPU units (512 = 0.5 vCPU, seed 003's production task size)."
  type        = number
  default     = 512
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

variable "queue_policy_json" {
  description = "IAM policy of the task role: SendMessage and GetQueueAttributes on the command queue."
  type        = string
}
