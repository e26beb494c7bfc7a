# The database settings, from one of two stores. The execution role may read exactly that store's
# entries and nothing else.
#   secrets_manager: one JSON secret with keys jdbc-url, reactive-url, username, password
#                    (0.40 USD per secret and month).
#   ssm:             four SecureString parameters <database_parameter_path>/<key> (standard
#                    parameters are free; seed 002's choice).

locals {
  db_keys = {
    QUARKUS_DATASOURCE_JDBC_URL     = "jdbc-url"
    QUARKUS_DATASOURCE_REACTIVE_URL = "reactive-url"
    QUARKUS_DATASOURCE_USERNAME     = "username"
    QUARKUS_DATASOURCE_PASSWORD     = "password"
  }
  ssm = var.secret_store == "ssm"
  # Null when the chosen store's input is missing: the entries are left out so that the plan gets
  # as far as the task definition's precondition, which says what is missing.
  parameter_arn_prefix = local.ssm && var.database_parameter_path != null ? format(
    "arn:%s:ssm:%s:%s:parameter%s",
    data.aws_partition.current[0].partition,
    var.region,
    data.aws_caller_identity.current[0].account_id,
    var.database_parameter_path,
  ) : null
  secret_source = local.ssm ? local.parameter_arn_prefix : var.database_secret_arn

  database_secrets = [
    for env, key in local.db_keys : {
      name      = env
      valueFrom = local.ssm ? "${local.parameter_arn_prefix}/${key}" : "${var.database_secret_arn}:${key}::"
    } if local.secret_source != null
  ]
}

data "aws_partition" "current" {
  count = local.ssm ? 1 : 0
}

data "aws_caller_identity" "current" {
  count = local.ssm ? 1 : 0
}

data "aws_iam_policy_document" "execution_secrets" {
  dynamic "statement" {
    for_each = !local.ssm && local.secret_source != null ? [1] : []
    content {
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [var.database_secret_arn]
    }
  }

  # ECS resolves `secrets` from Parameter Store with GetParameters (plural).
  dynamic "statement" {
    for_each = local.ssm && local.secret_source != null ? [1] : []
    content {
      actions   = ["ssm:GetParameters"]
      resources = ["${local.parameter_arn_prefix}/*"]
    }
  }

  # Only for a customer-managed key; the AWS-managed keys need no grant.
  dynamic "statement" {
    for_each = var.secrets_kms_key_arn == null ? [] : [1]
    content {
      actions   = ["kms:Decrypt"]
      resources = [var.secrets_kms_key_arn]
    }
  }
}
