package dev.slipway.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment each service gets: exactly what its pod gets from the shipped manifests (the
 * overlay's Deployment or CronJob: envFrom ConfigMaps and env, read from the committed rendering),
 * with only endpoints, credentials and ports replaced by the embedded servers'. So the local stack
 * and the end-to-end tests run the configuration a deployment runs, and a key an overlay forgets
 * fails here first.
 *
 * <p>Replaced: the database (the pod's {@code slipway-db-SERVICE} Secret), SQS (endpoint, region,
 * static credentials, queue and DLQ URLs), the Kubernetes API (KUBECONFIG instead of the in-cluster
 * account), the JWT issuer and key, the gateway-token key (a local key file instead of KMS), the
 * tenant namespaces (the emulator's), and the reconciler's mode: a long-running process passing
 * every interval instead of a CronJob pushing to a Pushgateway. Text logs instead of JSON, for
 * people reading .slipway/logs. The HTTP and management ports are set by {@link ServiceProcess}.
 */
final class ServiceEnv {
  /** The variables a pod takes from its {@code slipway-db-SERVICE} Secret, all replaced here. */
  static final Set<String> DATABASE =
      Set.of(
          "QUARKUS_DATASOURCE_JDBC_URL",
          "QUARKUS_DATASOURCE_REACTIVE_URL",
          "QUARKUS_DATASOURCE_USERNAME",
          "QUARKUS_DATASOURCE_PASSWORD");

  private ServiceEnv() {}

  static Map<String, String> of(
      LocalService service,
      RenderedOverlay overlay,
      Map<String, String> stack,
      Duration reconcileInterval) {
    Set<String> secrets = overlay.secretVariables(service);
    if (!DATABASE.containsAll(secrets)) {
      throw new IllegalStateException(
          "overlay %s gives %s variables from Secrets the local stack cannot replace: %s"
              .formatted(overlay.name(), service.workload(), secrets));
    }
    Map<String, String> env = new LinkedHashMap<>(overlay.env(service));
    database(env, stack, service);
    sqs(env, stack);
    env.put("SLIPWAY_FLEET_NAMESPACES", stack.get("SLIPWAY_TENANT_NAMESPACES"));
    env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    // Every service seals or opens gateway tokens: the overlay names KMS (slipway-tokens), the
    // local stack a key file instead, so the provider is overridden with it.
    env.put("SLIPWAY_TOKENS_KEY_PROVIDER", "local");
    env.put("SLIPWAY_TOKENS_LOCAL_KEY_FILE", stack.get("SLIPWAY_TOKEN_KEY_FILE"));
    switch (service) {
      case API -> {
        env.put("SLIPWAY_API_QUEUE_URL", stack.get("SLIPWAY_QUEUE_URL"));
        env.put("SLIPWAY_API_OPS_DLQ_URL", stack.get("SLIPWAY_DLQ_URL"));
        env.put("MP_JWT_VERIFY_ISSUER", stack.get("SLIPWAY_DEV_JWT_ISSUER"));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + stack.get("SLIPWAY_JWT_PUBLIC_KEY"));
      }
      case WORKER -> {
        kube(env, stack, service);
        env.put("SLIPWAY_WORKER_QUEUE_URL", stack.get("SLIPWAY_QUEUE_URL"));
        env.put("SLIPWAY_WORKER_DLQ_URL", stack.get("SLIPWAY_DLQ_URL"));
      }
      case RECONCILER -> {
        kube(env, stack, service);
        env.put("SLIPWAY_RECONCILER_QUEUE_URL", stack.get("SLIPWAY_QUEUE_URL"));
        env.put("SLIPWAY_RECONCILER_RUN_ONCE", "false");
        env.remove("SLIPWAY_RECONCILER_PUSHGATEWAY_URL");
        env.put("SLIPWAY_RECONCILER_INTERVAL", reconcileInterval.toMillis() + "ms");
        env.put("SLIPWAY_RECONCILER_INITIAL_DELAY", "1s");
      }
    }
    return env;
  }

  /**
   * The JVM options of the service's pod, so that the local stack and the tests run the JVM as
   * deploy/k8s ships it: first what the container gives the JVM without options (its memory limit,
   * read from the cgroup, and the serial collector the JVM picks by itself below 1,792 MiB, which a
   * process here, on a larger machine, must be told), then {@code JAVA_OPTS_APPEND} split at white
   * space as the image's run-java.sh does. The class data to start from is {@link StartupCache}'s.
   */
  static List<String> jvmOptions(long memoryLimitBytes, String javaOptsAppend) {
    List<String> options = new ArrayList<>();
    options.add("-XX:MaxRAM=" + memoryLimitBytes / (1024 * 1024) + "m");
    List<String> appended =
        javaOptsAppend == null || javaOptsAppend.isBlank()
            ? List.of()
            : List.of(javaOptsAppend.trim().split("\\s+"));
    // Only the JVM's own pick: a collector named in JAVA_OPTS_APPEND is the pod's (two would stop
    // the JVM at start).
    if (appended.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
      options.add("-XX:+UseSerialGC");
    }
    options.addAll(appended);
    return options;
  }

  /** The one place a service's Kubernetes credentials are chosen. */
  private static void kube(Map<String, String> env, Map<String, String> stack, LocalService s) {
    String key =
        switch (s) {
          case API -> "SLIPWAY_API_KUBECONFIG";
          case WORKER -> "SLIPWAY_WORKER_KUBECONFIG";
          case RECONCILER -> "SLIPWAY_RECONCILER_KUBECONFIG";
        };
    // Each service's own ServiceAccount identity, authorized by the emulator against the shipped
    // Roles (deploy/k8s/rendered), as IRSA/projected tokens are on EKS.
    env.put("KUBECONFIG", stack.get(key));
  }

  /** The service's own role, as its pod's slipway-db-SERVICE Secret gives it in production. */
  private static void database(
      Map<String, String> env, Map<String, String> stack, LocalService service) {
    if (service == LocalService.API) { // the one service with JDBC: it migrates (Flyway)
      env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.get("SLIPWAY_JDBC_URL"));
    }
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", stack.get("SLIPWAY_DB_REACTIVE_URL"));
    env.put("QUARKUS_DATASOURCE_USERNAME", stack.get(dbUserVariable(service)));
    env.put("QUARKUS_DATASOURCE_PASSWORD", stack.get(dbPasswordVariable(service)));
  }

  /** The local.env variable of the service's database role, e.g. SLIPWAY_DB_WORKER_USER. */
  static String dbUserVariable(LocalService service) {
    return "SLIPWAY_DB_" + service.name() + "_USER";
  }

  static String dbPasswordVariable(LocalService service) {
    return "SLIPWAY_DB_" + service.name() + "_PASSWORD";
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
