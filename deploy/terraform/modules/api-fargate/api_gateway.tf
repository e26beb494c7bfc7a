# ingress = "api_gateway" (seed 002): an API Gateway HTTP API, paid per request, reaching the
# tasks through a VPC link and Cloud Map (SRV records that ECS keeps current). No fixed monthly
# price apart from the namespace's private hosted zone. TLS ends at API Gateway: its own
# execute-api host name, or api_domain_name with certificate_arn (a regional ACM certificate).

resource "aws_security_group" "vpc_link" {
  count       = local.api_gateway ? 1 : 0
  name        = "${local.name}-vpc-link"
  description = "API Gateway VPC link to the Slipway API tasks"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "vpc_link_to_tasks" {
  count                        = local.api_gateway ? 1 : 0
  security_group_id            = aws_security_group.vpc_link[0].id
  referenced_security_group_id = aws_security_group.tasks.id
  from_port                    = 8080
  to_port                      = 8080
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_vpc_link" {
  count                        = local.api_gateway ? 1 : 0
  security_group_id            = aws_security_group.tasks.id
  referenced_security_group_id = aws_security_group.vpc_link[0].id
  from_port                    = 8080
  to_port                      = 8080
  ip_protocol                  = "tcp"
}

resource "aws_service_discovery_private_dns_namespace" "api" {
  count       = local.api_gateway ? 1 : 0
  name        = "${local.name}.internal"
  description = "Slipway API tasks for the API Gateway VPC link"
  vpc         = var.vpc_id
}

resource "aws_service_discovery_service" "api" {
  count = local.api_gateway ? 1 : 0
  name  = "api"

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.api[0].id
    routing_policy = "MULTIVALUE"

    # SRV: API Gateway needs the port as well as the address.
    dns_records {
      type = "SRV"
      ttl  = 10
    }
  }

  # ECS reports each task's health (its container health check, when there is one).
  health_check_custom_config {
    failure_threshold = 1
  }
}

resource "aws_apigatewayv2_vpc_link" "api" {
  count              = local.api_gateway ? 1 : 0
  name               = local.name
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [aws_security_group.vpc_link[0].id]
}

resource "aws_apigatewayv2_api" "api" {
  count         = local.api_gateway ? 1 : 0
  name          = local.name
  protocol_type = "HTTP"
  # With a custom domain, clients use it only.
  disable_execute_api_endpoint = var.api_domain_name != null
}

resource "aws_apigatewayv2_integration" "api" {
  count              = local.api_gateway ? 1 : 0
  api_id             = aws_apigatewayv2_api.api[0].id
  integration_type   = "HTTP_PROXY"
  integration_method = "ANY"
  connection_type    = "VPC_LINK"
  connection_id      = aws_apigatewayv2_vpc_link.api[0].id
  integration_uri    = aws_service_discovery_service.api[0].arn
  # HTTP APIs cap an integration at 30 s; the API answers in milliseconds.
  timeout_milliseconds = 30000
}

resource "aws_apigatewayv2_route" "default" {
  count     = local.api_gateway ? 1 : 0
  api_id    = aws_apigatewayv2_api.api[0].id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.api[0].id}"
}

# Throttling bounds what a flood can cost on a per-request price; the API's own per-caller rate
# limit still applies behind it.
resource "aws_apigatewayv2_stage" "default" {
  count       = local.api_gateway ? 1 : 0
  api_id      = aws_apigatewayv2_api.api[0].id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.api_gateway_throttle.rate_limit
    throttling_burst_limit = var.api_gateway_throttle.burst_limit
  }
}

resource "aws_apigatewayv2_domain_name" "api" {
  count       = local.api_gateway && var.api_domain_name != null ? 1 : 0
  domain_name = var.api_domain_name

  domain_name_configuration {
    certificate_arn = var.certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }

  lifecycle {
    precondition {
      condition     = var.certificate_arn != null
      error_message = "api_domain_name needs certificate_arn (an ACM certificate in the API's region)."
    }
  }
}

resource "aws_apigatewayv2_api_mapping" "api" {
  count       = local.api_gateway && var.api_domain_name != null ? 1 : 0
  api_id      = aws_apigatewayv2_api.api[0].id
  domain_name = aws_apigatewayv2_domain_name.api[0].id
  stage       = aws_apigatewayv2_stage.default[0].id
}
