package dev.slipway.local;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment each service gets: only the ordinary Quarkus / Slipway / fabric8 settings a
 * deployment on AWS would set, pointed at the embedded servers.
 */
final class ServiceEnv {
  private ServiceEnv() {}

  static Map<String, String> api(Map<String, String> stack, String domain) {
    Map<String, String> env = common(stack);
    sqs(env, stack);
    env.put("SLIPWAY_API_QUEUE_URL", stack.get("SLIPWAY_QUEUE_URL"));
    env.put("SLIPWAY_API_OPS_DLQ_URL", stack.get("SLIPWAY_DLQ_URL"));
    env.put("SLIPWAY_API_DOMAIN", domain);
    env.put("SLIPWAY_API_TENANT_NAMESPACES", stack.get("SLIPWAY_TENANT_NAMESPACES"));
    env.put("KUBECONFIG", stack.get("SLIPWAY_API_KUBECONFIG"));
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + stack.get("SLIPWAY_JWT_PUBLIC_KEY"));
    return env;
  }

  static Map<String, String> worker(Map<String, String> stack, String domain) {
    Map<String, String> env = common(stack);
    sqs(env, stack);
    env.put("KUBECONFIG", stack.get("SLIPWAY_WORKER_KUBECONFIG"));
    env.put("SLIPWAY_WORKER_QUEUE_URL", stack.get("SLIPWAY_QUEUE_URL"));
    env.put("SLIPWAY_WORKER_DLQ_URL", stack.get("SLIPWAY_DLQ_URL"));
    env.put("SLIPWAY_WORKER_TENANTS_DOMAIN", domain);
    env.put("SLIPWAY_WORKER_TENANTS_NAMESPACES", stack.get("SLIPWAY_TENANT_NAMESPACES"));
    return env;
  }

  static Map<String, String> reconciler(Map<String, String> stack, java.time.Duration interval) {
    Map<String, String> env = common(stack);
    sqs(env, stack);
    env.put("SLIPWAY_RECONCILER_QUEUE_URL", stack.get("SLIPWAY_QUEUE_URL"));
    env.put("KUBECONFIG", stack.get("SLIPWAY_RECONCILER_KUBECONFIG"));
    env.put("SLIPWAY_RECONCILER_INTERVAL", interval.toMillis() + "ms");
    env.put("SLIPWAY_RECONCILER_INITIAL_DELAY", "1s");
    env.put("SLIPWAY_RECONCILER_NAMESPACES", stack.get("SLIPWAY_TENANT_NAMESPACES"));
    return env;
  }

  private static Map<String, String> common(Map<String, String> stack) {
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.get("SLIPWAY_JDBC_URL"));
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", stack.get("SLIPWAY_DB_REACTIVE_URL"));
    env.put("QUARKUS_DATASOURCE_USERNAME", stack.get("SLIPWAY_DB_USER"));
    env.put("QUARKUS_DATASOURCE_PASSWORD", stack.get("SLIPWAY_DB_PASSWORD"));
    env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    return env;
  }

  private static void sqs(Map<String, String> env, Map<String, String> stack) {
    env.put("QUARKUS_SQS_ENDPOINT_OVERRIDE", stack.get("SLIPWAY_SQS_ENDPOINT"));
    env.put("QUARKUS_SQS_AWS_REGION", stack.get("AWS_REGION"));
    env.put("QUARKUS_SQS_AWS_CREDENTIALS_TYPE", "static");
    env.put(
        "QUARKUS_SQS_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID",
        stack.get("AWS_ACCESS_KEY_ID"));
    env.put(
        "QUARKUS_SQS_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY",
        stack.get("AWS_SECRET_ACCESS_KEY"));
  }
}
