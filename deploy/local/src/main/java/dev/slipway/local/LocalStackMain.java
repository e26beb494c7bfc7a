package dev.slipway.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: starts the local stack in the foreground, writes .slipway/local.env when ready,
 * and stops everything on Ctrl-C / SIGTERM. Arguments: the repository root, then {@code infra} to
 * start only PostgreSQL, ElasticMQ and the Kubernetes emulator ({@code ./slipway infra}), for
 * services run by {@code ./mvnw quarkus:dev}.
 */
public final class LocalStackMain {
  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    boolean infra = args.length > 1 && args[1].equals("infra");
    LocalStackOptions options =
        (infra
                ? LocalStackOptions.developer(root).infrastructureOnly()
                : LocalStackOptions.developer(root))
            .withServiceEnv(tracingFromShell(System.getenv()));
    Path envFile = options.stateDir().resolve("local.env");
    LocalEnvFile.delete(envFile); // its presence means "ready"
    System.out.println(
        "Starting the Slipway local stack (logs in " + options.stateDir().resolve("logs") + ")...");
    LocalStack stack = LocalStack.start(options, Boolean.getBoolean("slipway.local.echo"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the Slipway local stack...");
                  LocalEnvFile.delete(envFile);
                  stack.close();
                  stopped.countDown();
                }));
    printReady(stack, envFile, infra);
    stopped.await();
  }

  /**
   * The tracing settings of the shell that runs {@code ./slipway up} ({@code SLIPWAY_TRACING_*},
   * {@code QUARKUS_OTEL_*}), for all three services over the dev overlay's {@code exporter=none}:
   * how spans reach a collector on the developer's machine (docs/architecture.md, "Observability").
   */
  static Map<String, String> tracingFromShell(Map<String, String> shell) {
    Map<String, String> tracing = new TreeMap<>();
    shell.forEach(
        (name, value) -> {
          if (name.startsWith("SLIPWAY_TRACING_") || name.startsWith("QUARKUS_OTEL_")) {
            tracing.put(name, value);
          }
        });
    return tracing;
  }

  private static void printReady(LocalStack stack, Path envFile, boolean infra) {
    var env = stack.env();
    System.out.println();
    System.out.println(infra ? "Slipway's infrastructure is running." : "Slipway is running.");
    System.out.println(
        "  API:        " + env.get("SLIPWAY_API_URL") + (infra ? " (not started)" : ""));
    System.out.println("  PostgreSQL: " + env.get("SLIPWAY_DB_URL"));
    System.out.println("  SQS:        " + env.get("SLIPWAY_QUEUE_URL"));
    System.out.println("  kubeconfig: " + env.get("KUBECONFIG"));
    System.out.println();
    System.out.println("In another shell:  source " + envFile);
    if (infra) {
      System.out.println(
          "Then run a service in dev mode:  ./mvnw quarkus:dev -pl api-service -am"
              + " (Swagger UI: http://localhost:8080/q/swagger-ui)");
    }
    System.out.println("Press Ctrl-C to stop everything.");
  }
}
