package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No panel or alert can be empty by a typo: every metric a rule or dashboard queries is one Slipway
 * publishes (from MetricNames), a standard Quarkus series, or a named external one; and every
 * Slipway series they use from the API or the worker is asserted against that service's real
 * /q/metrics by its DashboardMetricsQuarkusTest.
 */
class MetricNamesUsageTest {
  private static final Pattern QUOTED = Pattern.compile("\"(slipway_[a-z0-9_]+)\"");
  private static final Map<String, String> SCRAPE_TESTS =
      Map.of(
          "api-service",
          "api-service/src/test/java/dev/slipway/api/metrics/DashboardMetricsQuarkusTest.java",
          "provisioner-worker",
          "provisioner-worker/src/test/java/dev/slipway/worker/metrics/DashboardMetricsQuarkusTest.java");

  @Test
  void theCatalogCoversEveryMetricNamesConstant() {
    assertEquals(MetricCatalog.TYPES.keySet(), MetricCatalog.constants().keySet());
  }

  @Test
  void theExtractorFindsMetricsAndIgnoresLabelsFunctionsAndKeywords() {
    assertEquals(
        Set.of("a_total", "b_seconds_bucket", "up"),
        PromQl.metricNames(
            "sum by (le, kind) (rate(b_seconds_bucket{kind=\"x\"}[5m])) / on() sum(rate(a_total[$__rate_interval]))"
                + " and up{job=~\".*worker.*\"} == 0 or histogram_quantile(0.99, b_seconds_bucket)"));
  }

  @Test
  void everyQueriedMetricExists() {
    Set<String> known = new TreeSet<>(MetricCatalog.slipwaySeries());
    known.addAll(MetricCatalog.STANDARD);
    known.addAll(MetricCatalog.EXTERNAL);
    Map<String, Set<String>> unknown = new TreeMap<>();
    usages()
        .forEach(
            (where, names) ->
                names.stream()
                    .filter(n -> !known.contains(n))
                    .forEach(n -> unknown.computeIfAbsent(n, k -> new TreeSet<>()).add(where)));
    assertEquals(Map.of(), unknown, "metrics no service publishes");
  }

  @Test
  void apiAndWorkerSeriesAreCheckedAgainstTheirRealMetricsEndpoint() {
    Map<String, Set<String>> asserted = new TreeMap<>();
    SCRAPE_TESTS.forEach((service, file) -> asserted.put(service, quoted(Repo.read(file))));
    Set<String> missing = new TreeSet<>();
    for (Set<String> names : usages().values()) {
      for (String name : names) {
        String service = owner(name);
        if (service != null && !asserted.get(service).contains(name)) {
          missing.add(service + ": " + name);
        }
      }
    }
    assertEquals(Set.of(), missing, "add these to the service's DashboardMetricsQuarkusTest");
  }

  private static String owner(String series) {
    if (series.startsWith("slipway_worker_") || series.startsWith("slipway_queue_")) {
      return "provisioner-worker";
    }
    if (series.startsWith("slipway_api_")
        || series.startsWith("slipway_outbox_")
        || series.startsWith("slipway_tenants")) {
      return "api-service";
    }
    return null; // the reconciler: catalog only (see docs/deploy.md)
  }

  private static Set<String> quoted(String source) {
    Set<String> out = new TreeSet<>();
    Matcher m = QUOTED.matcher(source);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Map<String, Set<String>> usages() {
    Map<String, Set<String>> out = new TreeMap<>();
    Observability.ruleQueries()
        .forEach((alert, expr) -> out.put("rule " + alert, PromQl.metricNames(expr)));
    Observability.dashboardQueries()
        .forEach((panel, expr) -> out.put("dashboard " + panel, PromQl.metricNames(expr)));
    return out;
  }
}
