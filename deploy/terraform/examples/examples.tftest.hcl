# Plans the configuration with one of the example tfvars, offline:
#   terraform test -test-directory=examples -var-file=examples/dev.tfvars

provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

override_data {
  target = module.api_fargate[0].data.aws_caller_identity.current
  values = { account_id = "123456789012" }
}

run "plans" {
  command = plan

  assert {
    condition     = length(module.api_fargate) == (var.api_on_fargate ? 1 : 0)
    error_message = "the Fargate API exactly when api_on_fargate (prod runs its API on EKS)"
  }
  assert {
    condition     = alltrue([for m in module.api_fargate : m.log_retention_days == var.log_retention_days[var.environment]])
    error_message = "the environment's log retention"
  }
}
