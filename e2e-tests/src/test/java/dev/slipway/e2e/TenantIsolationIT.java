package dev.slipway.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.sqs.ElasticMqServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22's acceptance on the local stack (the three packaged services as separate processes): a
 * created tenant's Deployment is hardened, its namespace walled off, no table holds its gateway
 * token in clear, metrics are not on the API's public port, and a forged command naming another
 * tenant's operation, sent straight to the queue, changes nothing of that tenant.
 */
class TenantIsolationIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  // A sample line may end in an exemplar ("# {trace_id=...} 1.0") since the services trace.
  private static final Pattern FORGED =
      Pattern.compile("(?m)^slipway_worker_commands_forged_total(?:\\{[^}]*})? (\\S+)(?: #.*)?$");

  // Kept when a test fails: the services' logs are in its logs/ directory.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path stateDir;

  static RunningStack running;
  static Map<String, String> env;
  static KubernetesClient kube;

  @BeforeAll
  static void startStack() throws Exception {
    System.out.println("TenantIsolationIT: stack state and logs in " + stateDir);
    running = RunningStack.start(stateDir);
    env = running.env();
    kube = running.kube();
  }

  @AfterAll
  static void stopStack() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void aCreatedTenantRunsHardenedInAWalledOffNamespace() {
    String slug = slug("hard");
    create(slug);
    String namespace = namespaceOf(slug);
    Deployment d = kube.apps().deployments().inNamespace(namespace).withName(slug).get();
    PodSpec pod = d.getSpec().getTemplate().getSpec();
    assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), "no SA token");
    assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
    for (Container c : pod.getContainers()) {
      var sc = c.getSecurityContext();
      assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), c.getName());
      assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), c.getName());
      assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), c.getName());
    }
    var labels = kube.namespaces().withName(namespace).get().getMetadata().getLabels();
    assertEquals("restricted", labels.get("pod-security.kubernetes.io/enforce"));
    List<String> policies =
        kube.network().v1().networkPolicies().inNamespace(namespace).list().getItems().stream()
            .map(p -> p.getMetadata().getName())
            .toList();
    assertTrue(policies.contains("default-deny-all"), policies.toString());
    assertTrue(policies.contains("allow-gateway-from-ingress"), policies.toString());
    assertFalse(kube.limitRanges().inNamespace(namespace).list().getItems().isEmpty());
    assertFalse(kube.resourceQuotas().inNamespace(namespace).list().getItems().isEmpty());
  }

  @Test
  void noTableHoldsAGatewayTokenInClear() throws SQLException {
    String token = create(slug("sealed"));
    assertTrue(token.length() >= 32, "the create response shows the token once");
    List<String> found = new ArrayList<>();
    try (Connection c = StackDatabase.connect(env)) {
      for (String[] column : textColumns(c)) {
        String sql =
            "bytea".equals(column[2])
                ? "SELECT count(*) FROM %s WHERE position(convert_to(?, 'UTF8') in %s) > 0"
                : "SELECT count(*) FROM %s WHERE strpos(%s::text, ?) > 0";
        try (PreparedStatement s =
            c.prepareStatement(sql.formatted(quote(column[0]), quote(column[1])))) {
          s.setString(1, token);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              found.add(column[0] + "." + column[1]);
            }
          }
        }
      }
    }
    assertEquals(List.of(), found, "columns holding the token in clear");
  }

  @Test
  void metricsAreOnTheManagementPortsOnly() {
    String api = env.get("SLIPWAY_API_URL");
    given().baseUri(api).get("/q/metrics").then().statusCode(404);
    given().baseUri(api).get("/q/health/ready").then().statusCode(404);
    int apiPort = URI.create(api).getPort();
    for (String service : List.of("API", "WORKER", "RECONCILER")) {
      String url = env.get("SLIPWAY_" + service + "_METRICS_URL");
      assertNotEquals(apiPort, URI.create(url).getPort(), service + " metrics on the API port");
      assertTrue(url.endsWith("/q/metrics"), url);
      given().get(url).then().statusCode(200);
    }
  }

  @Test
  void aForgedCommandNamingAnotherTenantsOperationChangesNothingOfThatTenant() throws Exception {
    String attacker = slug("forger");
    String victim = slug("victim");
    create(attacker);
    create(victim);
    String victimState = state(victim);
    String victimVersion = deploymentVersion(victim);
    double forgedBefore = forgedCount();

    // The attacker's own command as the relay published it, naming the victim's operation.
    String[] own = publishedCommand(attacker);
    String victimOperation = publishedCommand(victim)[1];
    String body = own[2].replace(own[1], victimOperation);
    assertNotEquals(own[2], body, "the forged body names the victim's operation");
    try (ElasticMqServer sqs = ElasticMqServer.attach(env.get("SLIPWAY_SQS_ENDPOINT"))) {
      sqs.client()
          .sendMessage(
              b ->
                  b.queueUrl(env.get("SLIPWAY_QUEUE_URL"))
                      .messageBody(body)
                      .messageGroupId(own[0])
                      .messageDeduplicationId(UUID.randomUUID().toString()));
    }

    await().atMost(WAIT).until(() -> forgedCount() >= forgedBefore + 1);
    assertEquals(victimState, state(victim), "the victim's rows");
    assertEquals(victimVersion, deploymentVersion(victim), "the victim's Deployment");
  }

  /** Creates the tenant, waits until it runs; returns the token shown once. */
  private static String create(String slug) {
    String api = env.get("SLIPWAY_API_URL");
    String token = env.get("SLIPWAY_ADMIN_TOKEN");
    String gatewayToken =
        given()
            .baseUri(api)
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"slug\":\"" + slug + "\"}")
            .post("/v1/tenants")
            .then()
            .statusCode(202)
            .extract()
            .path("gatewayToken");
    await()
        .atMost(WAIT)
        .until(
            () ->
                "RUNNING"
                    .equals(
                        given()
                            .baseUri(api)
                            .auth()
                            .oauth2(token)
                            .get("/v1/tenants/" + slug)
                            .then()
                            .extract()
                            .path("phase")));
    return gatewayToken;
  }

  private static String namespaceOf(String slug) {
    for (String ns : env.get("SLIPWAY_TENANT_NAMESPACES").split(",")) {
      if (kube.apps().deployments().inNamespace(ns).withName(slug).get() != null) {
        return ns;
      }
    }
    throw new AssertionError("no Deployment for " + slug);
  }

  private static String deploymentVersion(String slug) {
    Deployment d = kube.apps().deployments().inNamespace(namespaceOf(slug)).withName(slug).get();
    assertNotNull(d, slug);
    return d.getMetadata().getResourceVersion();
  }

  /** The tenant's row and operations as the API and the worker write them. */
  private static String state(String slug) throws SQLException {
    try (Connection c = StackDatabase.connect(env);
        PreparedStatement s =
            c.prepareStatement(
                "SELECT concat_ws('|', t.phase, t.generation, t.observed_generation, t.last_error,"
                    + " t.desired_state, t.status_updated_at, string_agg(concat_ws('|', o.id,"
                    + " o.status, o.attempts, o.last_error, o.finished_at), ';' ORDER BY o.id))"
                    + " FROM tenants t JOIN operations o ON o.tenant_id = t.id WHERE t.slug = ?"
                    + " GROUP BY t.id")) {
      s.setString(1, slug);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), slug);
        return rs.getString(1);
      }
    }
  }

  /** {group (tenant id), operation id, body} of the tenant's first published command. */
  private static String[] publishedCommand(String slug) throws SQLException {
    try (Connection c = StackDatabase.connect(env);
        PreparedStatement s =
            c.prepareStatement(
                "SELECT x.group_id, x.operation_id::text, x.body FROM outbox x"
                    + " JOIN operations o ON o.id = x.operation_id JOIN tenants t"
                    + " ON t.id = o.tenant_id WHERE t.slug = ? ORDER BY x.id LIMIT 1")) {
      s.setString(1, slug);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "a published command of " + slug);
        return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
      }
    }
  }

  private static double forgedCount() {
    String metrics = given().get(env.get("SLIPWAY_WORKER_METRICS_URL")).asString();
    Matcher m = FORGED.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** {table, column, type} of every text, JSON and bytea column of the public schema. */
  private static List<String[]> textColumns(Connection c) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND data_type IN ('text', 'character"
                    + " varying', 'json', 'jsonb', 'bytea')");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    assertTrue(columns.size() > 10, "columns found: " + columns.size());
    return columns;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String slug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
