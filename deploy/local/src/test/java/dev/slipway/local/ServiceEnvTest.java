package dev.slipway.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The services' local environment is the committed dev rendering with local endpoints only. */
class ServiceEnvTest {
  private static final Map<String, String> STACK =
      Map.ofEntries(
          Map.entry("SLIPWAY_JDBC_URL", "jdbc:postgresql://localhost:1/slipway"),
          Map.entry("SLIPWAY_DB_REACTIVE_URL", "postgresql://localhost:1/slipway"),
          Map.entry("SLIPWAY_DB_USER", "u"),
          Map.entry("SLIPWAY_DB_PASSWORD", "p"),
          Map.entry("SLIPWAY_DB_API_USER", "slipway_api"),
          Map.entry("SLIPWAY_DB_API_PASSWORD", "pa"),
          Map.entry("SLIPWAY_DB_WORKER_USER", "slipway_worker"),
          Map.entry("SLIPWAY_DB_WORKER_PASSWORD", "pw"),
          Map.entry("SLIPWAY_DB_RECONCILER_USER", "slipway_reconciler"),
          Map.entry("SLIPWAY_DB_RECONCILER_PASSWORD", "pr"),
          Map.entry("SLIPWAY_SQS_ENDPOINT", "http://localhost:2"),
          Map.entry("SLIPWAY_QUEUE_URL", "http://localhost:2/q.fifo"),
          Map.entry("SLIPWAY_DLQ_URL", "http://localhost:2/dlq.fifo"),
          Map.entry("AWS_REGION", "elasticmq"),
          Map.entry("AWS_ACCESS_KEY_ID", "k"),
          Map.entry("AWS_SECRET_ACCESS_KEY", "s"),
          // Each service's own kubeconfig (ServiceEnv#kube).
          Map.entry("SLIPWAY_WORKER_KUBECONFIG", "/tmp/worker-kubeconfig"),
          Map.entry("SLIPWAY_RECONCILER_KUBECONFIG", "/tmp/kubeconfig"),
          Map.entry("SLIPWAY_TENANT_NAMESPACES", "tenants,tenants-2"),
          Map.entry("SLIPWAY_JWT_PUBLIC_KEY", "/tmp/jwt.pem"),
          Map.entry("SLIPWAY_TOKEN_KEY_FILE", "/tmp/token-kek.key"),
          Map.entry("SLIPWAY_DEV_JWT_ISSUER", "https://slipway.dev"));

  private static RenderedOverlay dev() {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(root.resolve("deploy/k8s/rendered"))) {
      root = root.getParent();
    }
    return RenderedOverlay.read(root, "dev");
  }

  @Test
  void everyServiceKeepsTheOverlaysSettingsAndGetsLocalEndpoints() {
    RenderedOverlay dev = dev();
    for (LocalService service : LocalService.values()) {
      Map<String, String> shipped = dev.env(service);
      Map<String, String> local = ServiceEnv.of(service, dev, STACK, Duration.ofSeconds(2));
      assertEquals(shipped.get("SLIPWAY_FLEET_DOMAIN"), local.get("SLIPWAY_FLEET_DOMAIN"));
      assertEquals(shipped.get("SLIPWAY_FLEET_IMAGE"), local.get("SLIPWAY_FLEET_IMAGE"));
      assertEquals("tenants,tenants-2", local.get("SLIPWAY_FLEET_NAMESPACES"));
      assertEquals("http://localhost:2", local.get("QUARKUS_SQS_ENDPOINT_OVERRIDE"));
      // Each service connects as its own database role (issue 22), never as the admin.
      assertEquals(service.databaseRole(), local.get("QUARKUS_DATASOURCE_USERNAME"));
      Map<String, String> unchanged = new HashMap<>(shipped);
      unchanged.keySet().removeIf(local::containsKey);
      // The one variable dropped: a long-running reconciler is scraped, it pushes nothing.
      unchanged.remove("SLIPWAY_RECONCILER_PUSHGATEWAY_URL");
      assertTrue(unchanged.isEmpty(), () -> service + " lost " + unchanged.keySet());
    }
  }

  @Test
  void theReconcilerRunsOnAnIntervalAndPushesNowhere() {
    RenderedOverlay dev = dev();
    assertEquals("true", dev.env(LocalService.RECONCILER).get("SLIPWAY_RECONCILER_RUN_ONCE"));
    Map<String, String> local =
        ServiceEnv.of(LocalService.RECONCILER, dev, STACK, Duration.ofSeconds(2));
    assertEquals("false", local.get("SLIPWAY_RECONCILER_RUN_ONCE"));
    assertEquals("2000ms", local.get("SLIPWAY_RECONCILER_INTERVAL"));
    assertFalse(local.containsKey("SLIPWAY_RECONCILER_PUSHGATEWAY_URL"));
    assertEquals("true", local.get("SLIPWAY_RECONCILER_PRUNE"), "dev's pruning is kept");
    assertEquals("/tmp/kubeconfig", local.get("KUBECONFIG"));
  }

  @Test
  void theApiTrustsTheLocalIssuerOnly() {
    Map<String, String> local =
        ServiceEnv.of(LocalService.API, dev(), STACK, Duration.ofSeconds(2));
    assertEquals("https://slipway.dev", local.get("MP_JWT_VERIFY_ISSUER"));
    assertEquals("file:/tmp/jwt.pem", local.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    assertEquals("http://localhost:2/dlq.fifo", local.get("SLIPWAY_API_OPS_DLQ_URL"));
  }

  @Test
  void everyServiceSealsTokensWithTheLocalKeyFileInsteadOfKms() {
    RenderedOverlay dev = dev();
    for (LocalService service : LocalService.values()) {
      assertEquals("kms", dev.env(service).get("SLIPWAY_TOKENS_KEY_PROVIDER"), service + " ships");
      Map<String, String> local = ServiceEnv.of(service, dev, STACK, Duration.ofSeconds(2));
      assertEquals("local", local.get("SLIPWAY_TOKENS_KEY_PROVIDER"), service.toString());
      assertEquals("/tmp/token-kek.key", local.get("SLIPWAY_TOKENS_LOCAL_KEY_FILE"));
    }
  }

  @Test
  void everyServicesJvmRunsWithItsPodsMemoryLimitAndTheShippedOptions() {
    RenderedOverlay dev = dev();
    for (LocalService service : LocalService.values()) {
      String shipped = dev.env(service).get("JAVA_OPTS_APPEND");
      assertTrue(shipped != null && !shipped.isBlank(), service + " ships JVM options");
      Map<String, String> local = ServiceEnv.of(service, dev, STACK, Duration.ofSeconds(2));
      assertEquals(shipped, local.get("JAVA_OPTS_APPEND"), service.toString());
      assertEquals("2", local.get("MALLOC_ARENA_MAX"), service + ": glibc arenas as shipped");
      List<String> jvm =
          ServiceEnv.jvmOptions(dev.memoryLimitBytes(service), local.get("JAVA_OPTS_APPEND"));
      assertEquals(List.of("-XX:MaxRAM=384m", "-XX:+UseSerialGC"), jvm.subList(0, 2), service + "");
      assertEquals(List.of(shipped.trim().split("\\s+")), jvm.subList(2, jvm.size()));
    }
  }

  @Test
  void jvmOptionsAreSplitAtWhiteSpaceAsRunJavaShDoes() {
    assertEquals(
        List.of("-XX:MaxRAM=512m", "-XX:+UseSerialGC", "-Xss512k", "-XX:+UseCompactObjectHeaders"),
        ServiceEnv.jvmOptions(512L * 1024 * 1024, "  -Xss512k \t -XX:+UseCompactObjectHeaders "));
    assertEquals(
        List.of("-XX:MaxRAM=256m", "-XX:+UseSerialGC"), ServiceEnv.jvmOptions(256L << 20, null));
  }

  @Test
  void aCollectorNamedInJavaOptsAppendReplacesTheSerialOneTheJvmWouldPick() {
    assertEquals(
        List.of("-XX:MaxRAM=512m", "-XX:+UseG1GC"),
        ServiceEnv.jvmOptions(512L * 1024 * 1024, "-XX:+UseG1GC"));
  }
}
