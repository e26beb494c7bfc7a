package dev.slipway.local;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.auth.Identities;
import dev.slipway.local.postgres.EmbeddedPostgresServer;
import dev.slipway.local.sqs.CommandQueues;
import dev.slipway.local.sqs.ElasticMqServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables a {@link LocalStack} publishes in {@code .slipway/local.env} and hands to its
 * services: how to reach the infrastructure, the credential files it writes into the state
 * directory, and where the services answer. Kept in insertion order, as local.env lists them.
 */
final class StackEnv {
  private final Map<String, String> env = new LinkedHashMap<>();

  /**
   * Writes the kubeconfigs, JWT keys and token key into the state directory and publishes them with
   * the connection settings of {@code infrastructure}.
   */
  void infrastructure(LocalStackOptions options, LocalInfrastructure infrastructure) {
    EmbeddedPostgresServer postgres = infrastructure.postgres();
    QueueServer queue = infrastructure.queue();
    KubeEmulator kube = infrastructure.kube();
    CommandQueues queues = queue.queues();
    Path kubeconfig = kube.writeKubeconfig(options.stateDir().resolve("kubeconfig"));
    // One kubeconfig per service, with its service account's token: each service runs under the
    // Role deploy/k8s ships for it, as on EKS (ServiceEnv hands each its own).
    Path apiKubeconfig =
        kube.writeKubeconfig(options.stateDir().resolve("kubeconfig-api"), Identities.API_SERVICE);
    Path workerKubeconfig =
        kube.writeKubeconfig(options.stateDir().resolve("kubeconfig-worker"), Identities.WORKER);
    Path reconcilerKubeconfig =
        kube.writeKubeconfig(
            options.stateDir().resolve("kubeconfig-reconciler"), Identities.RECONCILER);
    JwtKeys keys = JwtKeys.generate();
    Path publicKey = keys.writePublicKey(options.stateDir().resolve("jwt-public.pem"));
    Path privateKey = keys.writePrivateKey(options.stateDir().resolve("jwt-dev-private.pem"));

    env.put("SLIPWAY_DB_URL", postgres.libpqUrl(LocalStack.DATABASE));
    env.put("SLIPWAY_JDBC_URL", postgres.jdbcUrl(LocalStack.DATABASE));
    env.put("SLIPWAY_DB_REACTIVE_URL", postgres.reactiveUrl(LocalStack.DATABASE));
    env.put("SLIPWAY_DB_USER", postgres.username());
    env.put("SLIPWAY_DB_PASSWORD", postgres.password());
    // Each service's own role (docs/deploy.md#database-roles); the admin above is psql's.
    for (LocalService s : LocalService.values()) {
      env.put(ServiceEnv.dbUserVariable(s), s.databaseRole());
      env.put(ServiceEnv.dbPasswordVariable(s), postgres.password(s.databaseRole()));
    }
    env.put("SLIPWAY_SQS_ENDPOINT", queue.endpoint());
    env.put("SLIPWAY_QUEUE_URL", queues.queueUrl());
    env.put("SLIPWAY_DLQ_URL", queues.dlqUrl());
    env.put("AWS_ACCESS_KEY_ID", "slipway-local");
    env.put("AWS_SECRET_ACCESS_KEY", "slipway-local");
    env.put("AWS_REGION", ElasticMqServer.REGION);
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("SLIPWAY_API_KUBECONFIG", apiKubeconfig.toString());
    env.put("SLIPWAY_WORKER_KUBECONFIG", workerKubeconfig.toString());
    env.put("SLIPWAY_RECONCILER_KUBECONFIG", reconcilerKubeconfig.toString());
    env.put("SLIPWAY_TENANT_NAMESPACES", String.join(",", options.tenantNamespaces()));
    env.put("SLIPWAY_JWT_PUBLIC_KEY", publicKey.toString());
    env.put("SLIPWAY_ADMIN_TOKEN", keys.token("local-admin", Set.of("admin"), Duration.ofDays(30)));
    env.put("SLIPWAY_OPS_TOKEN", keys.token("local-ops", Set.of("ops"), Duration.ofDays(30)));
    env.put("SLIPWAY_DEV_JWT_KEY", privateKey.toString());
    env.put(
        "SLIPWAY_TOKEN_KEY_FILE",
        TokenKeyFile.writeOnce(options.stateDir().resolve("token-kek.key")).toString());
    env.put("SLIPWAY_DEV_JWT_ISSUER", JwtKeys.ISSUER);
    env.put("SLIPWAY_DEV_JWT_AUDIENCE", JwtKeys.AUDIENCE);
  }

  /** Publishes the started services' URLs. */
  void services(ServiceProcess api, ServiceProcess worker, ServiceProcess reconciler) {
    env.put("SLIPWAY_API_URL", api.url());
    // Health and metrics are on each service's management port, not on the API's public one.
    env.put("SLIPWAY_API_METRICS_URL", api.managementUrl() + "/q/metrics");
    env.put("SLIPWAY_WORKER_METRICS_URL", worker.managementUrl() + "/q/metrics");
    env.put("SLIPWAY_RECONCILER_METRICS_URL", reconciler.managementUrl() + "/q/metrics");
  }

  /**
   * Infrastructure only: the services are expected where {@code ./mvnw quarkus:dev} serves them
   * (their quarkus.http.port), so local.env's URLs serve the CLI and curl as after {@code up}.
   */
  void servicesOnWellKnownPorts() {
    String api = "http://localhost:" + LocalStackOptions.API_PORT;
    env.put("SLIPWAY_API_URL", api);
    env.put("SLIPWAY_API_METRICS_URL", api + "/q/metrics");
    env.put(
        "SLIPWAY_WORKER_METRICS_URL",
        "http://localhost:" + LocalStackOptions.WORKER_PORT + "/q/metrics");
    env.put(
        "SLIPWAY_RECONCILER_METRICS_URL",
        "http://localhost:" + LocalStackOptions.RECONCILER_PORT + "/q/metrics");
  }

  /** The variables published so far, in order (live: later additions show). */
  Map<String, String> variables() {
    return env;
  }
}
