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
    condition     = module.api_fargate[0].log_retention_days == var.log_retention_days[var.environment]
    error_message = "the environment's log retention"
  }
}
