package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay under deploy/k8s/overlays, rendered by kubectl kustomize and parsed into typed
 * objects, checked. Dev alone may let the reconciler delete.
 */
class ManifestsTest {
  private static final String SLIPWAY = "slipway";
  private static final Set<String> CUSTOM_KINDS =
      Set.of(
          "PodMonitor",
          "ServiceMonitor",
          "PrometheusRule",
          "ScaledObject",
          "TriggerAuthentication");
  private static final String IRSA = "eks.amazonaws.com/role-arn";

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void everyObjectParsesIntoItsTypedModel(String overlay) {
    for (HasMetadata o : Rendered.overlay(overlay)) {
      if (!CUSTOM_KINDS.contains(o.getKind())) {
        assertFalse(o instanceof GenericKubernetesResource, o.getKind() + " is not typed");
      }
      assertNotNull(o.getMetadata().getName(), o.getKind() + " without a name");
      assertEquals(Map.of(), unknownFields(o), o.getKind() + " " + o.getMetadata().getName());
    }
  }

  /** Fields the typed model does not know: a mis-indented patch line lands here. */
  private static Map<?, ?> unknownFields(HasMetadata o) {
    if (o instanceof GenericKubernetesResource) {
      return Map.of();
    }
    try {
      return (Map<?, ?>) o.getClass().getMethod("getAdditionalProperties").invoke(o);
    } catch (ReflectiveOperationException e) {
      return Map.of();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void rbacIsLeastPrivilegeAndNamespaced(String overlay) {
    assertEquals(List.of(), RbacRules.violations(Rendered.overlay(overlay)));
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void theWorkerGetsExactlyItsRightsOnTheTenantKinds(String overlay) {
    Map<String, Set<String>> rights = Rights.of(Rendered.overlay(overlay), "provisioner-worker");
    // No get and no single delete: the worker reads nothing before a write, and removes by a
    // label-selected deletecollection (worker-rbac.yaml).
    Set<String> apply = Set.of("create", "patch", "deletecollection");
    Set<String> informer = Set.of("list", "watch", "create", "patch", "deletecollection");
    assertEquals(
        Map.of(
            "/secrets", apply,
            "/services", apply,
            "apps/deployments", informer,
            "networking.k8s.io/ingresses", apply,
            "autoscaling/horizontalpodautoscalers", apply),
        rights);
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void theReconcilerOnlyReadsAndNeverSecretsByDefault(String overlay) {
    Map<String, Set<String>> rights = Rights.of(Rendered.overlay(overlay), "reconciler-job");
    Set<String> read = Set.of("get", "list", "watch");
    for (String kind :
        List.of(
            "/pods",
            "/services",
            "apps/deployments",
            "networking.k8s.io/ingresses",
            "autoscaling/horizontalpodautoscalers")) {
      assertTrue(rights.get(kind).containsAll(read), kind + " readable: " + rights);
    }
    assertFalse(
        rights.getOrDefault("/secrets", Set.of()).stream().anyMatch(read::contains),
        "the reconciler must not read Secrets (tokens): " + rights.get("/secrets"));
    Set<String> allowed = Set.of("get", "list", "watch", "delete");
    rights.forEach((k, v) -> assertTrue(allowed.containsAll(v), k + " " + v));
    if (!"dev".equals(overlay)) {
      rights.forEach((k, v) -> assertEquals(read, v, overlay + " reconciler is read-only: " + k));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void theApiHasNoKubernetesAccess(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    ServiceAccount sa = Rendered.named(objects, ServiceAccount.class, "api-service");
    assertEquals(Boolean.FALSE, sa.getAutomountServiceAccountToken());
    Deployment api = Rendered.named(objects, Deployment.class, "api-service");
    assertEquals(
        Boolean.FALSE, api.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
    for (RoleBinding b : Rendered.ofType(objects, RoleBinding.class)) {
      assertTrue(b.getSubjects().stream().noneMatch(s -> "api-service".equals(s.getName())));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void awsCallersCarryAnIrsaRoleFromTheOverlay(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    for (String name : List.of("provisioner-worker", "api-service", "reconciler-job")) {
      ServiceAccount sa = Rendered.named(objects, ServiceAccount.class, name);
      String arn =
          sa.getMetadata().getAnnotations() == null
              ? null
              : sa.getMetadata().getAnnotations().get(IRSA);
      assertNotNull(arn, name + " has no IRSA annotation");
      assertTrue(arn.matches("arn:aws:iam::\\d{12}:role/[\\w+=,.@-]+"), arn);
      assertTrue(arn.contains(overlay), name + " role of the " + overlay + " overlay: " + arn);
      assertTrue(
          arn.endsWith("-" + name), name + " role named after it (deploy/terraform): " + arn);
    }
  }

  /** Production runs Slipway's own images by digest: a tag can be re-pushed, a digest cannot. */
  @org.junit.jupiter.api.Test
  void prodPinsSlipwaysImagesByDigest() {
    List<HasMetadata> objects = Rendered.overlay("prod");
    List<Container> containers = new java.util.ArrayList<>();
    Rendered.ofType(objects, Deployment.class)
        .forEach(d -> containers.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
    Rendered.ofType(objects, CronJob.class)
        .forEach(
            c ->
                containers.addAll(
                    c.getSpec()
                        .getJobTemplate()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()));
    List<String> slipway =
        containers.stream().map(Container::getImage).filter(i -> i.contains("/slipway/")).toList();
    assertEquals(3, slipway.size(), slipway.toString());
    for (String image : slipway) {
      assertTrue(image.matches("[^@]+@sha256:[0-9a-f]{64}"), image + " is not pinned by digest");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void podsAreHardenedAndProbed(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    for (Deployment d : Rendered.ofType(objects, Deployment.class)) {
      String id = "Deployment " + d.getMetadata().getName();
      PodChecks.assertHardened(id, d.getSpec().getTemplate().getSpec());
      for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
        PodChecks.assertHealthProbes(id, c);
      }
      assertFalse(
          d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().isEmpty(),
          id + ": topology spread");
      assertTrue(
          Rendered.ofType(objects, PodDisruptionBudget.class).stream()
              .anyMatch(
                  p ->
                      p.getSpec()
                          .getSelector()
                          .getMatchLabels()
                          .equals(d.getSpec().getSelector().getMatchLabels())),
          id + ": a PodDisruptionBudget selecting it");
      assertTrue(
          d.getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0)
              .getImage()
              .contains("/slipway/"),
          id + " image from the overlay");
    }
    for (CronJob cj : Rendered.ofType(objects, CronJob.class)) {
      PodChecks.assertHardened(
          "CronJob " + cj.getMetadata().getName(),
          cj.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void workerGracePeriodExceedsItsDrainBound(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    Deployment worker = Rendered.named(objects, Deployment.class, "provisioner-worker");
    Map<String, String> env = Env.of(objects, worker.getSpec().getTemplate().getSpec());
    Duration drain =
        Durations.parse(env.getOrDefault("SLIPWAY_WORKER_CONSUMER_SHUTDOWN_TIMEOUT", "20s"));
    long grace = worker.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
    assertTrue(
        grace >= drain.toSeconds() + 10,
        "grace " + grace + " s must exceed the drain bound " + drain + " plus shutdown (10 s)");
    assertEquals(
        0, worker.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void servicesGetTheEnvironmentTheyNeed(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    Map<String, List<String>> required =
        Map.of(
            "provisioner-worker",
            List.of(
                "SLIPWAY_WORKER_QUEUE_URL",
                "SLIPWAY_WORKER_DLQ_URL",
                "QUARKUS_SQS_AWS_REGION",
                "SLIPWAY_FLEET_NAMESPACES",
                "SLIPWAY_FLEET_DOMAIN",
                "SLIPWAY_FLEET_IMAGE"),
            "api-service",
            List.of(
                "SLIPWAY_API_QUEUE_URL",
                "SLIPWAY_FLEET_DOMAIN",
                "QUARKUS_SQS_AWS_REGION",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "MP_JWT_VERIFY_ISSUER"));
    // The reactive client for every service; JDBC only for the API, which migrates with Flyway
    // (the worker and the reconciler have neither in production: their pom.xml).
    List<String> database =
        List.of(
            "QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD");
    required.forEach(
        (name, keys) -> {
          Map<String, String> env =
              Env.of(
                  objects,
                  Rendered.named(objects, Deployment.class, name)
                      .getSpec()
                      .getTemplate()
                      .getSpec());
          keys.forEach(k -> assertTrue(env.containsKey(k), name + " needs " + k));
          // Each service its own Secret, with its own database role (issue 22).
          String secret = "secret:slipway-db-" + ("api-service".equals(name) ? "api" : "worker");
          database.forEach(k -> assertEquals(secret, env.get(k), name + " " + k));
          assertEquals(
              "api-service".equals(name) ? secret : null,
              env.get("QUARKUS_DATASOURCE_JDBC_URL"),
              name + " QUARKUS_DATASOURCE_JDBC_URL");
        });
    CronJob reconciler = Rendered.named(objects, CronJob.class, "reconciler");
    Map<String, String> env =
        Env.of(objects, reconciler.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
    assertEquals("true", env.get("SLIPWAY_RECONCILER_RUN_ONCE"));
    // Run-once passes exist for Prometheus only through the Pushgateway (RunOnceCheck).
    assertTrue(
        env.getOrDefault("SLIPWAY_RECONCILER_PUSHGATEWAY_URL", "").startsWith("http"),
        "the run-once reconciler pushes its metrics");
    assertTrue(env.containsKey("SLIPWAY_FLEET_NAMESPACES"), "reconciler lists the namespaces");
    database.forEach(
        k -> assertEquals("secret:slipway-db-reconciler", env.get(k), "reconciler " + k));
    assertFalse(env.containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "the reconciler has no JDBC");
    // The reconciler reads the depth of the queue the worker consumes, in the same region.
    Map<String, String> worker =
        Env.of(
            objects,
            Rendered.named(objects, Deployment.class, "provisioner-worker")
                .getSpec()
                .getTemplate()
                .getSpec());
    assertEquals(worker.get("SLIPWAY_WORKER_QUEUE_URL"), env.get("SLIPWAY_RECONCILER_QUEUE_URL"));
    assertEquals(worker.get("QUARKUS_SQS_AWS_REGION"), env.get("QUARKUS_SQS_AWS_REGION"));
  }

  /**
   * A reconciler with delete rights prunes, and one without them does not try; staging is the
   * read-only rehearsal its header promises.
   */
  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void reconcilerModesMatchItsRights(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    CronJob cj = Rendered.named(objects, CronJob.class, "reconciler");
    Map<String, String> env =
        Env.of(objects, cj.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
    boolean mayDelete =
        Rights.of(objects, "reconciler-job").values().stream().anyMatch(v -> v.contains("delete"));
    boolean prunes = "true".equals(env.get("SLIPWAY_RECONCILER_PRUNE"));
    assertEquals(mayDelete, prunes, overlay + ": delete rights exactly when pruning is on");
    if ("staging".equals(overlay)) {
      assertEquals("true", env.get("SLIPWAY_RECONCILER_REPORT_ONLY"), "staging is read-only");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void reconcilerCronJobNeverOverlapsAndCleansUp(String overlay) {
    CronJob cj = Rendered.named(Rendered.overlay(overlay), CronJob.class, "reconciler");
    assertEquals("Forbid", cj.getSpec().getConcurrencyPolicy());
    assertNotNull(cj.getSpec().getStartingDeadlineSeconds());
    assertNotNull(cj.getSpec().getSuccessfulJobsHistoryLimit());
    assertNotNull(cj.getSpec().getFailedJobsHistoryLimit());
    assertNotNull(cj.getSpec().getJobTemplate().getSpec().getBackoffLimit());
    assertNotNull(cj.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds());
    assertEquals(
        "Never",
        cj.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getRestartPolicy());
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void namespacesNetworkPoliciesAndMonitors(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    Set<String> namespaces =
        Rendered.ofType(objects, Namespace.class).stream()
            .map(n -> n.getMetadata().getName())
            .collect(Collectors.toSet());
    assertEquals(Set.of(SLIPWAY, RbacRules.TENANTS_NAMESPACE), namespaces);
    NetworkPolicy deny =
        Rendered.ofType(objects, NetworkPolicy.class).stream()
            .filter(p -> SLIPWAY.equals(p.getMetadata().getNamespace()))
            .filter(p -> "default-deny-all".equals(p.getMetadata().getName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no default-deny-all in " + SLIPWAY));
    assertTrue(
        deny.getSpec().getPodSelector().getMatchLabels() == null
            || deny.getSpec().getPodSelector().getMatchLabels().isEmpty());
    assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(deny.getSpec().getPolicyTypes()));
    assertNull(
        deny.getSpec().getIngress() == null || deny.getSpec().getIngress().isEmpty()
            ? null
            : "rules",
        "deny-all allows nothing");
    // A tenant namespace holds only what deploy/k8s/tenant-namespace puts there; the rest of
    // Slipway lives in its own namespace.
    Set<String> tenantKinds =
        Set.of("Role", "RoleBinding", "NetworkPolicy", "LimitRange", "ResourceQuota");
    for (HasMetadata o : objects) {
      String id = o.getKind() + " " + o.getMetadata().getName();
      if (o instanceof Namespace) {
        continue;
      }
      if (RbacRules.TENANTS_NAMESPACE.equals(o.getMetadata().getNamespace())) {
        assertTrue(tenantKinds.contains(o.getKind()), id + " in a tenant namespace");
      } else if (!o.getKind().startsWith("Role")) {
        assertEquals(SLIPWAY, o.getMetadata().getNamespace(), id);
      }
    }
    Set<String> kinds = objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
    assertTrue(
        kinds.containsAll(Set.of("PodMonitor", "ServiceMonitor", "PrometheusRule")),
        "PodMonitor, ServiceMonitor, PrometheusRule: " + kinds);
    assertTrue(
        Rendered.ofType(objects, ConfigMap.class).stream()
            .anyMatch(c -> c.getData().containsKey("fleet-overview.json")));
  }
}
