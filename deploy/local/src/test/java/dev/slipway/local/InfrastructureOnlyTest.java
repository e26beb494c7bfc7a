package dev.slipway.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./slipway infra}: the stack without its services still writes local.env with everything a
 * dev-mode service reads (database, queues, kubeconfig, JWT key, token key), and its servers
 * answer. Free ports here, so that it runs beside a developer's stack.
 */
class InfrastructureOnlyTest {
  @TempDir Path state;

  @Test
  void startsTheServersAndWritesLocalEnvWithoutServices() throws Exception {
    LocalStackOptions options =
        LocalStackOptions.test(Path.of("../..").toAbsolutePath().normalize(), state)
            .infrastructureOnly();
    assertFalse(options.startServices());

    try (LocalStack stack = LocalStack.start(options, false)) {
      String env = Files.readString(state.resolve("local.env"));
      for (String name :
          new String[] {
            "SLIPWAY_JDBC_URL", "SLIPWAY_DB_REACTIVE_URL", "SLIPWAY_DB_USER", "SLIPWAY_DB_PASSWORD",
            "SLIPWAY_SQS_ENDPOINT", "SLIPWAY_QUEUE_URL", "SLIPWAY_DLQ_URL", "KUBECONFIG",
            "SLIPWAY_JWT_PUBLIC_KEY", "SLIPWAY_TOKEN_KEY_FILE", "SLIPWAY_ADMIN_TOKEN"
          }) {
        assertTrue(env.contains("export " + name + "='"), name + " in local.env:\n" + env);
      }
      // Free ports: no well-known service URLs, and no service was started.
      assertFalse(stack.env().containsKey("SLIPWAY_API_URL"));
      assertFalse(Files.exists(state.resolve("logs")), "no service logs");
      assertAnswers(URI.create(stack.env().get("SLIPWAY_SQS_ENDPOINT")));
      assertAnswers(URI.create(stack.env().get("SLIPWAY_JDBC_URL").substring("jdbc:".length())));
    }
  }

  @Test
  void wellKnownPortsAreTheDevModeServices() {
    LocalStackOptions options = LocalStackOptions.developer(Path.of(".")).infrastructureOnly();
    assertFalse(options.startServices());
    assertTrue(options.fixedPorts());
    assertEquals(8080, LocalStackOptions.API_PORT, "api-service's quarkus.http.port");
  }

  private static void assertAnswers(URI uri) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      assertTrue(socket.isConnected(), uri.toString());
    }
  }
}
