package dev.slipway.local;

/** The three Slipway services the local stack runs, each as its own process. */
public enum LocalService {
  API("api-service", "api-service", LocalStackOptions.API_PORT),
  WORKER("worker", "provisioner-worker", LocalStackOptions.WORKER_PORT),
  RECONCILER("reconciler", "reconciler-job", LocalStackOptions.RECONCILER_PORT);

  private final String logName;
  private final String module;
  private final int fixedPort;

  LocalService(String logName, String module, int fixedPort) {
    this.logName = logName;
    this.module = module;
    this.fixedPort = fixedPort;
  }

  /** Name of its log file ({@code logs/NAME.log}) and of its console prefix. */
  public String logName() {
    return logName;
  }

  /** The Maven module whose {@code target/quarkus-app} it runs. */
  public String module() {
    return module;
  }

  int fixedPort() {
    return fixedPort;
  }
}
