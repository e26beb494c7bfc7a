# ingress = "alb" (default): an internet-facing HTTPS ALB, health from /q/health/ready on the
# management port (9080: the listener forwards requests to 8080 only, so clients never reach it). About
# 16-18 USD a month before the first request (docs/deploy.md).

resource "aws_security_group" "alb" {
  count       = local.alb ? 1 : 0
  name        = "${local.name}-alb"
  description = "HTTPS from the internet to the Slipway API load balancer"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  count             = local.alb ? 1 : 0
  security_group_id = aws_security_group.alb[0].id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  count                        = local.alb ? 1 : 0
  security_group_id            = aws_security_group.alb[0].id
  referenced_security_group_id = aws_security_group.tasks.id
  from_port                    = 8080
  to_port                      = 8080
  ip_protocol                  = "tcp"
}

# The target group's health checks, on the management port; no listener forwards there.
resource "aws_vpc_security_group_egress_rule" "alb_health_to_tasks" {
  count                        = local.alb ? 1 : 0
  security_group_id            = aws_security_group.alb[0].id
  referenced_security_group_id = aws_security_group.tasks.id
  from_port                    = local.management_port
  to_port                      = local.management_port
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "tasks_health_from_alb" {
  count                        = local.alb ? 1 : 0
  security_group_id            = aws_security_group.tasks.id
  referenced_security_group_id = aws_security_group.alb[0].id
  from_port                    = local.management_port
  to_port                      = local.management_port
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_alb" {
  count                        = local.alb ? 1 : 0
  security_group_id            = aws_security_group.tasks.id
  referenced_security_group_id = aws_security_group.alb[0].id
  from_port                    = 8080
  to_port                      = 8080
  ip_protocol                  = "tcp"
}

resource "aws_lb" "api" {
  count                      = local.alb ? 1 : 0
  name                       = local.name
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.alb[0].id]
  subnets                    = var.public_subnet_ids
  drop_invalid_header_fields = true

  lifecycle {
    precondition {
      condition     = length(var.public_subnet_ids) >= 2 && var.certificate_arn != null
      error_message = "ingress \"alb\" needs public_subnet_ids (two or more) and certificate_arn."
    }
  }
}

resource "aws_lb_target_group" "api" {
  count                = local.alb ? 1 : 0
  name                 = local.name
  port                 = 8080
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 15

  health_check {
    path                = "/q/health/ready"
    port                = tostring(local.management_port)
    matcher             = "200"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "https" {
  count             = local.alb ? 1 : 0
  load_balancer_arn = aws_lb.api[0].arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api[0].arn
  }
}

# These resources had no count before the ingress choice: existing states keep them.
moved {
  from = aws_security_group.alb
  to   = aws_security_group.alb[0]
}

moved {
  from = aws_vpc_security_group_ingress_rule.alb_https
  to   = aws_vpc_security_group_ingress_rule.alb_https[0]
}

moved {
  from = aws_vpc_security_group_egress_rule.alb_to_tasks
  to   = aws_vpc_security_group_egress_rule.alb_to_tasks[0]
}

moved {
  from = aws_vpc_security_group_ingress_rule.tasks_from_alb
  to   = aws_vpc_security_group_ingress_rule.tasks_from_alb[0]
}

moved {
  from = aws_lb.api
  to   = aws_lb.api[0]
}

moved {
  from = aws_lb_target_group.api
  to   = aws_lb_target_group.api[0]
}

moved {
  from = aws_lb_listener.https
  to   = aws_lb_listener.https[0]
}
