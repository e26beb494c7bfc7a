package dev.slipway.local;

import dev.slipway.local.postgres.EmbeddedPostgresServer;

/** The three Slipway services the local stack runs, each as its own process. */
public enum LocalService {
  API(
      "api-service",
      "api-service",
      "api-service",
      LocalStackOptions.API_PORT,
      LocalStackOptions.API_MANAGEMENT_PORT),
  WORKER(
      "worker",
      "provisioner-worker",
      "provisioner-worker",
      LocalStackOptions.WORKER_PORT,
      LocalStackOptions.WORKER_MANAGEMENT_PORT),
  RECONCILER(
      "reconciler",
      "reconciler-job",
      "reconciler",
      LocalStackOptions.RECONCILER_PORT,
      LocalStackOptions.RECONCILER_MANAGEMENT_PORT);

  private final String logName;
  private final String module;
  private final String workload;
  private final int fixedPort;
  private final int fixedManagementPort;

  LocalService(
      String logName, String module, String workload, int fixedPort, int fixedManagementPort) {
    this.logName = logName;
    this.module = module;
    this.workload = workload;
    this.fixedPort = fixedPort;
    this.fixedManagementPort = fixedManagementPort;
  }

  /** The database role it connects as (deploy/local's EmbeddedPostgresServer creates them). */
  public String databaseRole() {
    return switch (this) {
      case API -> EmbeddedPostgresServer.API_ROLE;
      case WORKER -> EmbeddedPostgresServer.WORKER_ROLE;
      case RECONCILER -> EmbeddedPostgresServer.RECONCILER_ROLE;
    };
  }

  /** Name of its log file ({@code logs/NAME.log}) and of its console prefix. */
  public String logName() {
    return logName;
  }

  /** The Maven module whose {@code target/quarkus-app} it runs. */
  public String module() {
    return module;
  }

  /** Name of its Deployment or CronJob in deploy/k8s, whose environment it runs with. */
  public String workload() {
    return workload;
  }

  int fixedPort() {
    return fixedPort;
  }

  int fixedManagementPort() {
    return fixedManagementPort;
  }
}
