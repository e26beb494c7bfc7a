# The tasks accept port 8080 from the ingress in front of them only (the ALB's or the VPC link's
# security group), and the management port (9080: health) from the ALB's health checks; the
# ingress resources are in alb.tf and api_gateway.tf.

resource "aws_security_group" "tasks" {
  name = "${local.name}-tasks"
  # The ALB wording is the original one: changing a description replaces the group.
  description = local.alb ? "Slipway API tasks: port 8080 from the ALB only" : "Slipway API tasks: port 8080 from the API Gateway VPC link only"
  vpc_id      = var.vpc_id
}

# HTTPS (SQS, Secrets Manager or SSM, ECR, the JWKS URL) and PostgreSQL.
resource "aws_vpc_security_group_egress_rule" "tasks_https" {
  security_group_id = aws_security_group.tasks.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "tasks_postgres" {
  security_group_id = aws_security_group.tasks.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
}
