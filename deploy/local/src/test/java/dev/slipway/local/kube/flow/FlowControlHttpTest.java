package dev.slipway.local.kube.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.auth.Identities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API Priority and Fairness over HTTP: the headers, the seats, the 429 with Retry-After. */
class FlowControlHttpTest {

  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/tenants/deployments";
  private static KubeEmulator emulator;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    emulator = KubeEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @AfterEach
  void lift() {
    emulator.flowControl().unlimited();
  }

  @Test
  void everyAnswerCarriesTheIdentitysFlowSchemaAndPriorityLevel() throws Exception {
    HttpResponse<String> worker = get(Identities.WORKER, DEPLOYMENTS);
    HttpResponse<String> reconciler = get(Identities.RECONCILER, DEPLOYMENTS);
    HttpResponse<String> admin = get(Identities.ADMIN, DEPLOYMENTS);
    assertEquals(200, worker.statusCode());
    String level = "X-Kubernetes-PF-PriorityLevel-UID";
    String schema = "X-Kubernetes-PF-FlowSchema-UID";
    assertTrue(worker.headers().firstValue(level).isPresent());
    assertTrue(worker.headers().firstValue(schema).isPresent());
    assertNotEquals(header(worker, level), header(reconciler, level), "a level per identity");
    assertEquals(header(worker, level), header(get(Identities.WORKER, DEPLOYMENTS), level));
    assertEquals(FlowControl.EXEMPT.uid(), header(admin, level));
    // A request RBAC refuses was classified first, as on a real server.
    HttpResponse<String> denied = get(Identities.WORKER, "/api/v1/namespaces/tenants/secrets");
    assertEquals(403, denied.statusCode());
    assertEquals(header(worker, level), header(denied, level));
  }

  @Test
  void beyondTheSeatsA429WithRetryAfterAndTheExemptAdminStillServed() throws Exception {
    emulator.flowControl().limit(1, Duration.ofMillis(1500));
    CompletableFuture<HttpResponse<String>> first = getAsync(Identities.WORKER, DEPLOYMENTS);
    // The first holds the only seat for 1.5 s: wait until it is admitted, then ask again.
    await().atMost(Duration.ofSeconds(1)).until(() -> emulator.flowControl().admitted() == 1);
    HttpResponse<String> second = get(Identities.WORKER, DEPLOYMENTS);
    assertEquals(429, second.statusCode());
    assertEquals("1", header(second, "Retry-After"));
    assertTrue(second.body().contains("\"retryAfterSeconds\":1"), second.body());
    assertTrue(second.body().contains("TooManyRequests"), second.body());
    assertEquals(200, get(Identities.RECONCILER, DEPLOYMENTS).statusCode(), "own level");
    assertEquals(200, get(Identities.ADMIN, DEPLOYMENTS).statusCode(), "exempt");
    assertEquals(200, first.get().statusCode());
    assertEquals(200, get(Identities.WORKER, DEPLOYMENTS).statusCode(), "seat released");
    assertEquals(1, emulator.flowControl().rejected());
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new AssertionError(name));
  }

  private static HttpResponse<String> get(String identity, String path) throws Exception {
    return getAsync(identity, path).get();
  }

  private static CompletableFuture<HttpResponse<String>> getAsync(String identity, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.url() + path))
            .header("Authorization", "Bearer " + emulator.token(identity))
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
