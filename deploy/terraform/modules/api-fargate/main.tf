# api-service on ECS Fargate (seed 000's split). Port 8080, logs to CloudWatch, database settings
# from Secrets Manager or SSM Parameter Store (secrets.tf). In front of it either an
# internet-facing ALB (alb.tf, the default) or an API Gateway HTTP API with a VPC link and Cloud
# Map (api_gateway.tf, seed 002's cost-minimal choice). Capacity: on-demand Fargate (default) or
# Fargate Spot, X86_64 (default) or ARM64.

locals {
  # The tenant fleet (SLIPWAY_FLEET_*, FleetConfig) as deploy/k8s's slipway-fleet ConfigMap sets it
  # for the worker and reconciler; the API needs the same values.
  base_environment = {
    QUARKUS_SQS_AWS_REGION           = var.region
    SLIPWAY_API_QUEUE_URL            = var.queue_url
    SLIPWAY_API_OPS_DLQ_URL          = var.dlq_url
    SLIPWAY_FLEET_DOMAIN             = var.domain
    SLIPWAY_FLEET_NAMESPACES         = join(",", var.tenant_namespaces)
    SLIPWAY_FLEET_IMAGE              = var.tenant_image
    MP_JWT_VERIFY_ISSUER             = var.jwt_issuer
    MP_JWT_VERIFY_PUBLICKEY_LOCATION = var.jwt_jwks_url
    JAVA_OPTS_APPEND                 = "-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=5000"
    # Gateway tokens sealed under the root module's KMS key (the task role may use it, iam.tf).
    SLIPWAY_TOKENS_KEY_PROVIDER = "kms"
    SLIPWAY_TOKENS_KMS_KEY_ID   = var.token_kms_key_arn
    QUARKUS_KMS_AWS_REGION      = var.region
  }
  environment = merge(local.base_environment, var.extra_environment)

  name      = "${var.name_prefix}-api"
  container = "api-service"
  # Health and metrics are on Quarkus's management interface (api-service's
  # quarkus.management.port), apart from the public API on 8080 (issue 22).
  management_port = 9080
  alb             = var.ingress == "alb"
  api_gateway     = var.ingress == "api_gateway"

  # Spot: the first fargate_on_demand_base tasks on on-demand Fargate, every further one on Spot.
  # Fargate Spot never falls back to on-demand by itself.
  capacity_strategy = concat(
    var.fargate_on_demand_base > 0 ? [{ capacity_provider = "FARGATE", base = var.fargate_on_demand_base, weight = 0 }] : [],
    [{ capacity_provider = "FARGATE_SPOT", base = 0, weight = 1 }],
  )

  container_definition = merge(
    {
      name                   = local.container
      image                  = var.image
      essential              = true
      readonlyRootFilesystem = true
      user                   = "185"
      portMappings           = [{ containerPort = 8080, protocol = "tcp" }, { containerPort = local.management_port, protocol = "tcp" }]
      # The module's own variables, then extra_environment (plan caps and other slipway.api.*
      # settings, as the Kubernetes overlays give the API), sorted by name for a stable diff.
      environment = [for name in sort(keys(local.environment)) : { name = name, value = local.environment[name] }]
      secrets     = local.database_secrets
      mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "api"
        }
      }
    },
    # Without an ALB nothing else tells ECS (and through it Cloud Map) that a task is ready.
    var.health_check_command == null ? {} : {
      healthCheck = {
        command     = var.health_check_command
        interval    = 10
        timeout     = 5
        retries     = 3
        startPeriod = 60
      }
    },
  )
}

resource "aws_ecs_cluster" "this" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

# Only with Spot: the default (launch type FARGATE) needs no association.
resource "aws_ecs_cluster_capacity_providers" "this" {
  count              = var.fargate_spot ? 1 : 0
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/${local.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_task_definition" "api" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  container_definitions = jsonencode([local.container_definition])

  volume {
    name = "tmp"
  }

  lifecycle {
    precondition {
      condition     = var.secret_store != "secrets_manager" || var.database_secret_arn != null
      error_message = "secret_store \"secrets_manager\" needs database_secret_arn."
    }
    precondition {
      condition     = var.secret_store != "ssm" || var.database_parameter_path != null
      error_message = "secret_store \"ssm\" needs database_parameter_path."
    }
  }
}

resource "aws_ecs_service" "api" {
  name                               = local.name
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = var.desired_count
  launch_type                        = var.fargate_spot ? null : "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  # A grace period only means something with load balancer health checks.
  health_check_grace_period_seconds = local.alb ? 60 : null

  # A deployment whose tasks keep failing (to start, or their health checks) stops and rolls
  # back to the last steady task definition instead of retrying for ever (seed 003's gap).
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "capacity_provider_strategy" {
    for_each = var.fargate_spot ? local.capacity_strategy : []
    content {
      capacity_provider = capacity_provider_strategy.value.capacity_provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = var.assign_public_ip
  }

  dynamic "load_balancer" {
    for_each = local.alb ? [1] : []
    content {
      target_group_arn = aws_lb_target_group.api[0].arn
      container_name   = local.container
      container_port   = 8080
    }
  }

  dynamic "service_registries" {
    for_each = local.api_gateway ? [1] : []
    content {
      registry_arn   = aws_service_discovery_service.api[0].arn
      container_name = local.container
      container_port = 8080
    }
  }

  depends_on = [aws_lb_listener.https, aws_ecs_cluster_capacity_providers.this]
}
