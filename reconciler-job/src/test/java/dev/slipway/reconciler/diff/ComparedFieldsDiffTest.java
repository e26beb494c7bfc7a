package dev.slipway.reconciler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.DesiredObjects;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.common.render.RenderSettings;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.scan.ComparedFields;
import dev.slipway.reconciler.scan.TenantObjects;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listed copy a pass keeps ({@link ComparedFields}) still shows every drift the diff can name:
 * for each compared field, a live object changed there and then cut down is reported, and an
 * unchanged one (with what a server adds: status, other containers and env vars, managedFields) is
 * not. Guards against a field the diff reads being left out of the copy.
 */
class ComparedFieldsDiffTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final RenderSettings SETTINGS = RenderSettings.defaults();

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anUnchangedTenantHasNoDrift(boolean autoscaled) {
    assertEquals(List.of(), reasons(autoscaled, live -> {}));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "deployment.replicas",
        "deployment.labels",
        "deployment.generation",
        "deployment.pod-labels",
        "deployment.token-hash",
        "deployment.image",
        "deployment.resources",
        "deployment.probes",
        "deployment.gateway-config",
        "service.labels",
        "service.selector",
        "ingress.labels",
        "ingress.host",
        "ingress.tls"
      })
  void eachComparedFieldStillShowsItsDrift(String field) {
    assertEquals(List.of(field), reasons(false, edit(field)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hpa.bounds", "hpa.target"})
  void autoscalerFieldsStillShowTheirDrift(String field) {
    assertEquals(List.of("hpa.bounds"), reasons(true, edit(field)));
  }

  @Test
  void aPodKeepsItsReadinessRestartsAndAgeAndNothingElse() {
    Pod listed =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .withNamespace("tenants")
            .withCreationTimestamp("2026-11-23T11:00:00Z")
            .withLabels(Map.of("slipway.dev/tenant-id", "t"))
            .endMetadata()
            .withNewSpec()
            .withContainers(new ContainerBuilder().withName("gateway").withImage("i").build())
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("True")
            .endCondition()
            .addNewCondition()
            .withType("Ready")
            .withStatus("False")
            .endCondition()
            .addNewContainerStatus()
            .withName("gateway")
            .withReady(false)
            .withRestartCount(7)
            .withNewState()
            .withNewWaiting()
            .withReason("CrashLoopBackOff")
            .withMessage("back-off")
            .endWaiting()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    Pod kept = (Pod) ComparedFields.keep(listed);
    assertNull(kept.getSpec());
    assertEquals(
        List.of("Ready"), kept.getStatus().getConditions().stream().map(c -> c.getType()).toList());
    assertEquals(
        "CrashLoopBackOff",
        kept.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason());
    assertEquals("2026-11-23T11:00:00Z", kept.getMetadata().getCreationTimestamp());
    assertEquals(7, kept.getStatus().getContainerStatuses().get(0).getRestartCount());
    assertEquals(false, kept.getStatus().getContainerStatuses().get(0).getReady());
  }

  /** The diff's reasons for one rendered tenant whose live objects were changed, then kept. */
  private static List<String> reasons(boolean autoscaled, Consumer<TenantObjects> edit) {
    TenantSpec spec = Fleet.spec("kept", DesiredState.RUNNING, autoscaled);
    DesiredObjects desired = TenantRenderer.render(spec, SETTINGS);
    TenantObjects live = new TenantObjects();
    List<HasMetadata> objects = new ArrayList<>(desired.inApplyOrder());
    objects.stream().map(ComparedFieldsDiffTest::asListed).forEach(live::add);
    edit.accept(live);
    TenantObjects kept = new TenantObjects();
    live.prunable().forEach(o -> kept.add(ComparedFields.keep(o)));
    List<String> out = new ArrayList<>();
    ObjectDiff.missing(desired, kept, out);
    ObjectDiff.spec(spec, desired, kept, out);
    return out;
  }

  /** Changes one compared field of the live objects. */
  private static Consumer<TenantObjects> edit(String field) {
    return live -> {
      Deployment d = live.deployment;
      var template = d.getSpec().getTemplate();
      var gateway = template.getSpec().getContainers().get(1);
      switch (field) {
        case "deployment.replicas" -> d.getSpec().setReplicas(3);
        case "deployment.labels" -> d.getMetadata().getLabels().put(GatewayDefaults.LABEL_APP, "x");
        case "deployment.generation" ->
            d.getMetadata().getAnnotations().remove(GatewayDefaults.ANNOTATION_GENERATION);
        case "deployment.pod-labels" ->
            template.getMetadata().getLabels().put(GatewayDefaults.LABEL_APP, "x");
        case "deployment.token-hash" ->
            template.getMetadata().getAnnotations().put(GatewayDefaults.ANNOTATION_TOKEN_HASH, "x");
        case "deployment.image" -> gateway.setImage("other:1");
        case "deployment.resources" ->
            gateway.getResources().getRequests().put("memory", new Quantity("1Gi"));
        case "deployment.probes" -> gateway.getReadinessProbe().getHttpGet().setPath("/other");
        case "deployment.gateway-config" ->
            gateway.getEnv().stream()
                .filter(e -> GatewayDefaults.GATEWAY_CONFIG_ENV.equals(e.getName()))
                .forEach(e -> e.setValue("{}"));
        case "service.labels" ->
            live.service.getMetadata().getLabels().put(GatewayDefaults.LABEL_APP, "x");
        case "service.selector" ->
            live.service.getSpec().getSelector().put(GatewayDefaults.LABEL_APP, "x");
        case "ingress.labels" ->
            live.ingress.getMetadata().getLabels().put(GatewayDefaults.LABEL_APP, "x");
        case "ingress.host" ->
            live.ingress.getSpec().getRules().get(0).setHost("other.example.com");
        case "ingress.tls" -> live.ingress.getSpec().getTls().get(0).setSecretName("other");
        case "hpa.bounds" -> live.autoscaler.getSpec().setMaxReplicas(9);
        case "hpa.target" -> live.autoscaler.getSpec().getScaleTargetRef().setName("other");
        default -> throw new IllegalArgumentException(field);
      }
    };
  }

  /** A copy as a server returns it: with status, another container, env vars and managedFields. */
  private static HasMetadata asListed(HasMetadata rendered) {
    HasMetadata listed = JSON.clone(rendered);
    listed.getMetadata().setUid("uid-1");
    listed.getMetadata().setResourceVersion("42");
    listed.getMetadata().setManagedFields(List.of(new ManagedFieldsEntry()));
    if (listed instanceof Deployment d) {
      d.setStatus(new DeploymentStatus());
      d.getSpec()
          .getTemplate()
          .getSpec()
          .getContainers()
          .add(0, new ContainerBuilder().withName("sidecar").withImage("s").build());
      var gateway = d.getSpec().getTemplate().getSpec().getContainers().get(1);
      List<EnvVar> env = new ArrayList<>(gateway.getEnv() == null ? List.of() : gateway.getEnv());
      env.add(0, new EnvVar("OTHER", "x", null));
      gateway.setEnv(env);
      // the same quantity spelt another way, as a server may return it: not drift
      gateway.getResources().getLimits().put("cpu", new Quantity("0.25"));
    }
    return listed;
  }
}
