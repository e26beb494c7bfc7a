package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Grafana dashboards are importable: unique uids, a datasource variable, queries in panels. */
class DashboardsTest {
  @Test
  void theFiveDashboardsExist() {
    assertEquals(
        Set.of("fleet-overview.json", "queue.json", "worker.json", "reconciler.json", "api.json"),
        Observability.dashboards().keySet());
  }

  @Test
  void eachIsImportable() {
    Set<String> uids = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : Observability.dashboards().entrySet()) {
      JsonNode d = e.getValue();
      String file = e.getKey();
      assertTrue(uids.add(d.get("uid").asText()), file + ": duplicate uid");
      assertFalse(d.get("title").asText().isBlank(), file + ": title");
      assertTrue(d.has("schemaVersion"), file + ": schemaVersion");
      assertEquals(
          "datasource", d.at("/templating/list/0/type").asText(), file + ": datasource variable");
      assertFalse(d.get("panels").isEmpty(), file + ": panels");
      Set<Integer> ids = new HashSet<>();
      for (JsonNode p : d.get("panels")) {
        assertTrue(ids.add(p.get("id").asInt()), file + ": duplicate panel id");
        assertEquals(
            "${datasource}", p.at("/datasource/uid").asText(), file + ": panel datasource");
        assertFalse(p.get("targets").isEmpty(), file + ": " + p.get("title") + " has no query");
        p.get("targets").forEach(t -> assertFalse(t.get("expr").asText().isBlank()));
      }
    }
  }

  @Test
  void fleetOverviewShowsPhasesProvisioningRateAndTimeToReadyPercentiles() {
    String fleet = Observability.dashboards().get("fleet-overview.json").toString();
    assertTrue(fleet.contains("slipway_tenants"));
    assertTrue(fleet.contains("slipway_api_tenants_created_total"));
    for (String q : new String[] {"0.5", "0.9", "0.99"}) {
      assertTrue(
          fleet.contains(
              "histogram_quantile("
                  + q
                  + ", sum by (le) (rate(slipway_worker_tenant_ready_latency_seconds_bucket"),
          q);
    }
  }
}
