package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.deploy.checks.NetworkPolicies.Endpoint;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 22: health and metrics live on each service's management port (Quarkus's management
 * interface), which the pods declare as in application.properties, the probes and Prometheus use,
 * and only the monitoring namespace reaches; the Service the ingress fronts and the ingress
 * controller's namespace get the public port alone.
 */
class ManagementPortTest {
  private static final Endpoint MONITORING =
      Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"), "10.0.4.2");
  private static final Endpoint INGRESS =
      Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), "10.0.2.5");

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void everyServiceDeclaresItsManagementPortAsConfigured(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    for (Workloads w : Workloads.values()) {
      PodSpec pod = w.pod(objects);
      if (pod == null) {
        continue;
      }
      Container c = pod.getContainers().get(0);
      assertEquals(
          property(w.module, "quarkus.management.port"),
          port(c, PodChecks.MANAGEMENT),
          overlay + " " + w.workload + ": management containerPort");
      assertEquals(
          property(w.module, "quarkus.http.port"),
          port(c, "http"),
          overlay + " " + w.workload + ": http containerPort");
      assertEquals("true", property(w.module, "quarkus.management.enabled"), w.module);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void theApiServiceCarriesThePublicPortOnly(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    Service api = Rendered.named(objects, Service.class, "api-service");
    for (ServicePort p : api.getSpec().getPorts()) {
      assertEquals("http", p.getTargetPort().getStrVal(), overlay + " api-service Service port");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void prometheusScrapesTheManagementPort(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    int monitors = 0;
    for (HasMetadata o : objects) {
      if (o instanceof GenericKubernetesResource r
          && List.of("PodMonitor", "ServiceMonitor").contains(r.getKind())) {
        String list = "PodMonitor".equals(r.getKind()) ? "podMetricsEndpoints" : "endpoints";
        List<Map<String, Object>> endpoints = r.get("spec", list);
        for (Map<String, Object> e : endpoints) {
          assertEquals(PodChecks.MANAGEMENT, e.get("port"), overlay + " " + r.getKind());
          assertEquals("/q/metrics", e.get("path"), overlay + " " + r.getKind());
          monitors++;
        }
      }
    }
    assertEquals(2, monitors, overlay + ": the API's ServiceMonitor and the worker's PodMonitor");
    // The ServiceMonitor selects a Service that carries the management port.
    assertTrue(
        Rendered.ofType(objects, Service.class).stream()
            .filter(s -> "management".equals(label(s, "app.kubernetes.io/component")))
            .anyMatch(
                s ->
                    s.getSpec().getPorts().stream()
                        .anyMatch(p -> PodChecks.MANAGEMENT.equals(p.getName()))),
        overlay + ": a Service with the API's management port for its ServiceMonitor");
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void onlyMonitoringReachesTheManagementPorts(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    NetworkPolicies policies =
        new NetworkPolicies(objects, List.of("ingress-nginx", "kube-system", "monitoring"));
    int api = Integer.parseInt(property("api-service", "quarkus.http.port"));
    int apiManagement = Integer.parseInt(property("api-service", "quarkus.management.port"));
    int workerManagement =
        Integer.parseInt(property("provisioner-worker", "quarkus.management.port"));
    Endpoint apiPod = slipwayPod(objects, Workloads.API, "10.0.5.1");
    Endpoint workerPod = slipwayPod(objects, Workloads.WORKER, "10.0.5.2");
    assertTrue(policies.allowed(INGRESS, apiPod, "TCP", api), "ingress -> API public port");
    assertFalse(
        policies.allowed(INGRESS, apiPod, "TCP", apiManagement), "ingress -> API management");
    assertTrue(
        policies.allowed(MONITORING, apiPod, "TCP", apiManagement), "Prometheus -> API metrics");
    assertTrue(
        policies.allowed(MONITORING, workerPod, "TCP", workerManagement),
        "Prometheus -> worker metrics");
    assertFalse(policies.allowed(MONITORING, apiPod, "TCP", api), "Prometheus -> API public port");
  }

  private static Endpoint slipwayPod(List<HasMetadata> objects, Workloads w, String ip) {
    Deployment d = Rendered.named(objects, Deployment.class, w.workload);
    assertNotNull(d, w.workload);
    return Endpoint.pod("slipway", d.getSpec().getTemplate().getMetadata().getLabels(), ip);
  }

  private static String port(Container c, String name) {
    return c.getPorts().stream()
        .filter(p -> name.equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .map(String::valueOf)
        .findFirst()
        .orElse(null);
  }

  private static String label(HasMetadata o, String key) {
    Map<String, String> labels = o.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  /** A key of the module's application.properties, without a profile. */
  static String property(String module, String key) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(Repo.read(module + "/src/main/resources/application.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty(key);
  }
}
