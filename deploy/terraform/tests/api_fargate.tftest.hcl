# modules/api-fargate planned offline with the real AWS provider (no credentials, no calls): the
# default setup and seed 002's cost-minimal one, and every validation. Run by deploy/checks'
# TerraformTest, or by hand: terraform init -backend=false -plugin-dir=DIR && terraform test

provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

# The only data source that would call AWS (STS), read for SSM parameter ARNs.
override_data {
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012" }
}

variables {
  name_prefix           = "slipway-test"
  region                = "eu-west-1"
  image                 = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/slipway/api-service:0.1.0"
  vpc_id                = "vpc-0123456789abcdef0"
  private_subnet_ids    = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  public_subnet_ids     = ["subnet-0000000000000000c", "subnet-0000000000000000d"]
  certificate_arn       = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  database_secret_arn   = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:slipway-db-AbCdEf"
  domain                = "gw.example.com"
  tenant_image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/gateway:1.0.0"
  jwt_issuer            = "https://login.example.com/"
  jwt_jwks_url          = "https://login.example.com/.well-known/jwks.json"
  queue_url             = "https://sqs.eu-west-1.amazonaws.com/123456789012/slipway-test-commands.fifo"
  dlq_url               = "https://sqs.eu-west-1.amazonaws.com/123456789012/slipway-test-commands-dlq.fifo"
  queue_policy_json     = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}"
  token_kms_key_arn     = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
  token_key_policy_json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],\"Resource\":\"*\"}]}"
}

run "defaults_are_the_original_setup" {
  command = plan

  module {
    source = "./modules/api-fargate"
  }

  assert {
    condition     = aws_ecs_service.api.launch_type == "FARGATE" && length(aws_ecs_service.api.capacity_provider_strategy) == 0
    error_message = "default: the FARGATE launch type, no capacity provider strategy"
  }
  assert {
    condition     = length(aws_ecs_cluster_capacity_providers.this) == 0
    error_message = "default: no capacity providers associated"
  }
  assert {
    condition     = aws_ecs_task_definition.api.runtime_platform[0].cpu_architecture == "X86_64" && aws_ecs_task_definition.api.cpu == "512" && aws_ecs_task_definition.api.memory == "1024"
    error_message = "default: X86_64, 0.5 vCPU / 1 GiB"
  }
  assert {
    condition     = length(aws_lb.api) == 1 && length(aws_lb_listener.https) == 1 && length(aws_apigatewayv2_api.api) == 0 && length(aws_apigatewayv2_vpc_link.api) == 0
    error_message = "default: an ALB, no API Gateway"
  }
  assert {
    condition     = one(aws_ecs_service.api.load_balancer).container_port == 8080 && length(aws_ecs_service.api.service_registries) == 0
    error_message = "default: the service registers with the ALB's target group"
  }
  assert {
    condition     = aws_lb_target_group.api[0].health_check[0].port == "9080" && aws_lb_target_group.api[0].health_check[0].path == "/q/health/ready" && aws_lb_listener.https[0].default_action[0].type == "forward"
    error_message = "the ALB checks health on the management port (9080); its listener forwards to the target group's port 8080 only"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.tasks_health_from_alb[0].from_port == 9080 && aws_vpc_security_group_ingress_rule.tasks_from_alb[0].from_port == 8080 && aws_lb_target_group.api[0].port == 8080
    error_message = "the tasks accept the ALB on 8080 (requests) and 9080 (health checks) only"
  }
  assert {
    condition     = aws_ecs_service.api.deployment_circuit_breaker[0].enable && aws_ecs_service.api.deployment_circuit_breaker[0].rollback
    error_message = "the deployment circuit breaker rolls back failed deployments"
  }
  assert {
    condition     = aws_cloudwatch_log_group.api.retention_in_days == 30
    error_message = "default: 30 days of logs"
  }
  assert {
    condition     = [for s in jsondecode(aws_ecs_task_definition.api.container_definitions)[0].secrets : s.valueFrom if s.name == "QUARKUS_DATASOURCE_PASSWORD"] == ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:slipway-db-AbCdEf:password::"]
    error_message = "default: the database password from the Secrets Manager JSON key"
  }
  assert {
    condition     = data.aws_iam_policy_document.execution_secrets.statement[0].actions == toset(["secretsmanager:GetSecretValue"]) && length(data.aws_iam_policy_document.execution_secrets.statement) == 1
    error_message = "default: the execution role reads the one secret only"
  }
  assert {
    condition     = !aws_ecs_service.api.network_configuration[0].assign_public_ip
    error_message = "default: tasks without public IPs"
  }
  assert {
    condition     = !can(jsondecode(aws_ecs_task_definition.api.container_definitions)[0].healthCheck)
    error_message = "default: no container health check (the ALB checks readiness)"
  }
}

run "cost_minimal_is_spot_arm64_api_gateway_and_ssm" {
  command = plan

  module {
    source = "./modules/api-fargate"
  }

  variables {
    ingress                 = "api_gateway"
    public_subnet_ids       = []
    certificate_arn         = null
    cpu                     = 256
    memory                  = 512
    desired_count           = 1
    cpu_architecture        = "ARM64"
    fargate_spot            = true
    assign_public_ip        = true
    secret_store            = "ssm"
    database_secret_arn     = null
    database_parameter_path = "/slipway-dev/database"
    log_retention_days      = 7
    health_check_command    = ["CMD-SHELL", "curl -fsS localhost:9080/q/health/ready || exit 1"]
  }

  assert {
    condition     = [for s in aws_ecs_service.api.capacity_provider_strategy : "${s.capacity_provider}:${s.base}:${s.weight}"] == ["FARGATE_SPOT:0:1"]
    error_message = "spot: every task on FARGATE_SPOT through the capacity provider strategy"
  }
  assert {
    condition     = aws_ecs_cluster_capacity_providers.this[0].capacity_providers == toset(["FARGATE", "FARGATE_SPOT"])
    error_message = "spot: the cluster has the Fargate capacity providers"
  }
  assert {
    condition     = aws_ecs_task_definition.api.runtime_platform[0].cpu_architecture == "ARM64"
    error_message = "ARM64 task definition"
  }
  assert {
    condition     = length(aws_lb.api) == 0 && length(aws_security_group.alb) == 0 && length(aws_ecs_service.api.load_balancer) == 0
    error_message = "api_gateway: no ALB at all"
  }
  assert {
    condition     = aws_apigatewayv2_api.api[0].protocol_type == "HTTP" && aws_apigatewayv2_integration.api[0].connection_type == "VPC_LINK" && aws_apigatewayv2_integration.api[0].integration_type == "HTTP_PROXY"
    error_message = "api_gateway: an HTTP API proxying through the VPC link"
  }
  assert {
    condition     = aws_apigatewayv2_vpc_link.api[0].subnet_ids == toset(["subnet-0000000000000000a", "subnet-0000000000000000b"])
    error_message = "the VPC link sits in the tasks' subnets"
  }
  assert {
    condition     = one(aws_service_discovery_service.api[0].dns_config[0].dns_records).type == "SRV" && one(aws_ecs_service.api.service_registries).container_port == 8080
    error_message = "Cloud Map SRV records (address and port) kept by the ECS service"
  }
  assert {
    condition     = aws_ecs_service.api.health_check_grace_period_seconds == null
    error_message = "no load balancer health check, no grace period"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.tasks_from_vpc_link[0].from_port == 8080 && aws_security_group.tasks.description == "Slipway API tasks: port 8080 from the API Gateway VPC link only"
    error_message = "tasks accept 8080 from the VPC link only"
  }
  assert {
    condition     = [for s in jsondecode(aws_ecs_task_definition.api.container_definitions)[0].secrets : s.valueFrom if s.name == "QUARKUS_DATASOURCE_JDBC_URL"] == ["arn:aws:ssm:eu-west-1:123456789012:parameter/slipway-dev/database/jdbc-url"]
    error_message = "ssm: the JDBC URL from its parameter's ARN"
  }
  assert {
    condition     = length(data.aws_iam_policy_document.execution_secrets.statement) == 1 && data.aws_iam_policy_document.execution_secrets.statement[0].actions == toset(["ssm:GetParameters"]) && data.aws_iam_policy_document.execution_secrets.statement[0].resources == toset(["arn:aws:ssm:eu-west-1:123456789012:parameter/slipway-dev/database/*"])
    error_message = "ssm: the execution role reads the parameters under the path only, and no secret"
  }
  assert {
    condition     = aws_cloudwatch_log_group.api.retention_in_days == 7
    error_message = "retention as given"
  }
  assert {
    condition     = aws_ecs_service.api.network_configuration[0].assign_public_ip
    error_message = "public IPs instead of a NAT gateway"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.api.container_definitions)[0].healthCheck.command[0] == "CMD-SHELL"
    error_message = "the container health check is the readiness signal without an ALB"
  }
  assert {
    condition     = aws_ecs_service.api.deployment_circuit_breaker[0].enable && aws_ecs_service.api.deployment_circuit_breaker[0].rollback
    error_message = "the circuit breaker stays on with Spot and API Gateway"
  }
}

run "spot_can_keep_an_on_demand_base" {
  command = plan

  module {
    source = "./modules/api-fargate"
  }

  variables {
    fargate_spot           = true
    fargate_on_demand_base = 1
    secrets_kms_key_arn    = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
  }

  assert {
    condition     = toset([for s in aws_ecs_service.api.capacity_provider_strategy : "${s.capacity_provider}:${s.base}:${s.weight}"]) == toset(["FARGATE:1:0", "FARGATE_SPOT:0:1"])
    error_message = "one task on on-demand Fargate, the rest on Spot"
  }
  assert {
    condition     = [for s in data.aws_iam_policy_document.execution_secrets.statement : one(s.actions)] == ["secretsmanager:GetSecretValue", "kms:Decrypt"]
    error_message = "a customer-managed key adds kms:Decrypt on that key"
  }
}

run "api_gateway_custom_domain_uses_the_certificate" {
  command = plan

  module {
    source = "./modules/api-fargate"
  }

  variables {
    ingress         = "api_gateway"
    api_domain_name = "api.example.com"
  }

  assert {
    condition     = aws_apigatewayv2_domain_name.api[0].domain_name_configuration[0].certificate_arn == var.certificate_arn && aws_apigatewayv2_api.api[0].disable_execute_api_endpoint
    error_message = "the custom domain serves with the certificate; the execute-api host name is off"
  }
  assert {
    condition     = output.url == "https://api.example.com"
    error_message = "url is the custom domain"
  }
}

# One run for all the variable validations: each listed variable must fail its own.
run "the_fleet_and_extra_environment_reach_the_container" {
  command = plan
  module {
    source = "./modules/api-fargate"
  }
  variables {
    extra_environment = {
      SLIPWAY_API_DEFAULT_PLAN                         = "small"
      SLIPWAY_API_PLANS_LARGE_AUTOSCALING_MAX_REPLICAS = "2"
    }
  }

  assert {
    condition     = { for e in jsondecode(aws_ecs_task_definition.api.container_definitions)[0].environment : e.name => e.value if startswith(e.name, "SLIPWAY_FLEET_") } == { SLIPWAY_FLEET_DOMAIN = "gw.example.com", SLIPWAY_FLEET_IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/gateway:1.0.0", SLIPWAY_FLEET_NAMESPACES = "tenants" }
    error_message = "the API gets the fleet settings (SLIPWAY_FLEET_*) the worker and reconciler get"
  }
  assert {
    condition     = [for e in jsondecode(aws_ecs_task_definition.api.container_definitions)[0].environment : e.value if e.name == "SLIPWAY_API_PLANS_LARGE_AUTOSCALING_MAX_REPLICAS"] == ["2"]
    error_message = "extra_environment (the overlay's plan caps) reaches the container"
  }
  assert {
    condition     = { for e in jsondecode(aws_ecs_task_definition.api.container_definitions)[0].environment : e.name => e.value if startswith(e.name, "SLIPWAY_TOKENS_") } == { SLIPWAY_TOKENS_KEY_PROVIDER = "kms", SLIPWAY_TOKENS_KMS_KEY_ID = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000" }
    error_message = "the API seals gateway tokens under the root module's KMS key (without it, it does not start)"
  }
  assert {
    condition     = jsondecode(aws_iam_role_policy.task_tokens.policy) == jsondecode(var.token_key_policy_json)
    error_message = "the task role may use the token key"
  }
}

run "extra_environment_cannot_replace_the_modules_own" {
  command = plan
  module {
    source = "./modules/api-fargate"
  }
  variables {
    extra_environment = { SLIPWAY_FLEET_DOMAIN = "other.example.com" }
  }
  expect_failures = [var.extra_environment]
}

run "rejects_what_aws_or_the_module_cannot_take" {
  command = plan
  module {
    source = "./modules/api-fargate"
  }
  variables {
    ingress                 = "nlb"
    cpu_architecture        = "arm64"
    secret_store            = "vault"
    log_retention_days      = 10
    cpu                     = 300
    fargate_on_demand_base  = 0.5
    database_parameter_path = "slipway-dev/database/"
  }
  expect_failures = [
    var.ingress,
    var.cpu_architecture,
    var.secret_store,
    var.log_retention_days,
    var.cpu,
    var.fargate_on_demand_base,
    var.database_parameter_path,
  ]
}

run "secrets_manager_needs_a_secret" {
  command = plan
  module {
    source = "./modules/api-fargate"
  }
  variables {
    database_secret_arn = null
  }
  expect_failures = [aws_ecs_task_definition.api]
}

run "ssm_needs_a_parameter_path_and_the_alb_a_certificate" {
  command = plan
  module {
    source = "./modules/api-fargate"
  }
  variables {
    secret_store    = "ssm"
    certificate_arn = null
  }
  expect_failures = [aws_ecs_task_definition.api, aws_lb.api]
}
