package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.ANNOTATION_GENERATION;
import static dev.slipway.common.render.GatewayDefaults.ANNOTATION_TOKEN_HASH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantRendererTest {
  private static final String OTHER_TOKEN = "rotated-token-0123456789";

  @Test
  void runningUsesTenantReplicas() {
    TenantSpec three =
        new TenantSpec(TenantFixtures.ID, "acme", 1, DesiredState.RUNNING, 3, "t0ken-abc");
    assertEquals(3, TenantFixtures.render(three).deployment().getSpec().getReplicas());
  }

  /** Namespace sharding: a tenant's own namespace, and nothing else, differs from the default. */
  @Test
  void aTenantWithItsOwnNamespaceIsRenderedThereAndOtherwiseAlike() {
    TenantSpec tenant = TenantFixtures.large();
    DesiredObjects inDefault = TenantFixtures.render(tenant);
    DesiredObjects inShard = TenantFixtures.render(tenant.inNamespace("tenants-2"));
    List<HasMetadata> shard = inShard.inDeleteOrder();
    List<HasMetadata> defaults = inDefault.inDeleteOrder();
    assertEquals(defaults.size(), shard.size());
    for (int i = 0; i < shard.size(); i++) {
      assertEquals("tenants-2", shard.get(i).getMetadata().getNamespace(), shard.get(i).getKind());
      assertEquals("tenants", defaults.get(i).getMetadata().getNamespace());
      shard.get(i).getMetadata().setNamespace("tenants");
      assertEquals(defaults.get(i), shard.get(i), shard.get(i).getKind());
    }
    assertEquals(
        "tenants",
        TenantFixtures.render(tenant.inNamespace("tenants")).secret().getMetadata().getNamespace());
  }

  @Test
  void stoppedScalesToZero() {
    Deployment d = TenantFixtures.render(TenantFixtures.with(DesiredState.STOPPED)).deployment();
    assertEquals(0, d.getSpec().getReplicas());
  }

  @Test
  void deletedScalesToZero() {
    Deployment d = TenantFixtures.render(TenantFixtures.with(DesiredState.DELETED)).deployment();
    assertEquals(0, d.getSpec().getReplicas());
  }

  @Test
  void tokenRotationRollsPodsButKeepsObjectMetadata() {
    DesiredObjects before = TenantFixtures.render(TenantFixtures.tenant());
    DesiredObjects after = TenantFixtures.render(TenantFixtures.withToken(OTHER_TOKEN));

    assertNotEquals(
        podAnnotations(before).get(ANNOTATION_TOKEN_HASH),
        podAnnotations(after).get(ANNOTATION_TOKEN_HASH));
    assertEquals(TokenHash.of(OTHER_TOKEN), podAnnotations(after).get(ANNOTATION_TOKEN_HASH));
    assertEquals(base64(OTHER_TOKEN), after.secret().getData().get("token"));
    assertNotEquals(before.secret().getData(), after.secret().getData());
    assertEquals(
        before.deployment().getMetadata().getAnnotations(),
        after.deployment().getMetadata().getAnnotations());
  }

  @Test
  void generationChangeLeavesPodTemplateAlone() {
    DesiredObjects before = TenantFixtures.render(TenantFixtures.withGeneration(3));
    DesiredObjects after = TenantFixtures.render(TenantFixtures.withGeneration(4));

    assertEquals(
        before.deployment().getSpec().getTemplate(), after.deployment().getSpec().getTemplate());
    assertEquals("4", after.deployment().getMetadata().getAnnotations().get(ANNOTATION_GENERATION));
    for (HasMetadata object : after.inApplyOrder()) {
      assertEquals("4", object.getMetadata().getAnnotations().get(ANNOTATION_GENERATION));
    }
  }

  @Test
  void deploymentNeverContainsTheToken() {
    DesiredObjects objects = TenantFixtures.render(TenantFixtures.tenant());
    String yaml = TenantFixtures.yaml(objects.deployment());
    assertFalse(yaml.contains(TenantFixtures.TOKEN), yaml);
    assertFalse(yaml.contains(base64(TenantFixtures.TOKEN)), yaml);
    // Sanity check that the search can succeed: the Secret does carry the encoded token.
    assertTrue(TenantFixtures.yaml(objects.secret()).contains(base64(TenantFixtures.TOKEN)));
  }

  @Test
  void renderingIsDeterministic() {
    DesiredObjects first = TenantFixtures.render(TenantFixtures.tenant());
    DesiredObjects second = TenantFixtures.render(TenantFixtures.tenant());
    assertNotSame(first.deployment(), second.deployment());
    assertEquals(first, second);
    assertEquals(
        TenantFixtures.yaml(first.inApplyOrder()), TenantFixtures.yaml(second.inApplyOrder()));
  }

  @Test
  void everyObjectHasNameNamespaceLabelsAndTypeInfo() {
    DesiredObjects objects = TenantFixtures.render(TenantFixtures.tenant());
    Map<String, String> expectedLabels =
        Map.of(
            "app", "gateway",
            "tenant", "acme",
            "app.kubernetes.io/managed-by", "slipway",
            "slipway.dev/tenant-id", TenantFixtures.ID.toString());
    List<String> kinds =
        List.of("v1/Secret", "apps/v1/Deployment", "v1/Service", "networking.k8s.io/v1/Ingress");
    List<HasMetadata> ordered = objects.inApplyOrder();
    for (int i = 0; i < ordered.size(); i++) {
      HasMetadata object = ordered.get(i);
      assertEquals(kinds.get(i), object.getApiVersion() + "/" + object.getKind());
      assertEquals("acme", object.getMetadata().getName());
      assertEquals("tenants", object.getMetadata().getNamespace());
      assertEquals(expectedLabels, object.getMetadata().getLabels());
    }
  }

  @Test
  void objectsDoNotShareMutableMaps() {
    DesiredObjects objects = TenantFixtures.render(TenantFixtures.tenant());
    objects.service().getMetadata().getLabels().put("changed", "yes");
    assertFalse(objects.deployment().getMetadata().getLabels().containsKey("changed"));
    assertFalse(
        objects.deployment().getSpec().getSelector().getMatchLabels().containsKey("changed"));
  }

  @Test
  void settingsFlowIntoObjects() {
    RenderSettings settings =
        new RenderSettings("t2", "wareit.ai", "registry/gw:2", "alb", "staging-issuer");
    DesiredObjects objects = TenantRenderer.render(TenantFixtures.tenant(), settings);
    assertEquals("t2", objects.ingress().getMetadata().getNamespace());
    assertEquals(
        "registry/gw:2",
        objects.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    assertEquals("alb", objects.ingress().getSpec().getIngressClassName());
    assertEquals("acme.wareit.ai", objects.ingress().getSpec().getRules().get(0).getHost());
    assertEquals(List.of("acme.wareit.ai"), objects.ingress().getSpec().getTls().get(0).getHosts());
    assertEquals(
        "staging-issuer",
        objects.ingress().getMetadata().getAnnotations().get("cert-manager.io/cluster-issuer"));
  }

  @Test
  void invalidSlugIsRejected() {
    TenantSpec bad = new TenantSpec(TenantFixtures.ID, "Bad_Slug", 1, DesiredState.RUNNING, 1, "t");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TenantRenderer.render(bad, RenderSettings.defaults()));
    assertTrue(e.getMessage().contains("Bad_Slug"), e.getMessage());
  }

  @Test
  void hostAndGatewayUrl() {
    assertEquals("acme.example.com", TenantRenderer.host("acme", "example.com"));
    assertEquals("wss://acme.wareit.ai", TenantRenderer.gatewayUrl("acme", "wareit.ai"));
  }

  @Test
  void tokenHashIsShortSha256Prefix() {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    assertEquals("ba7816bf8f01cfea", TokenHash.of("abc"));
  }

  private static Map<String, String> podAnnotations(DesiredObjects objects) {
    return objects.deployment().getSpec().getTemplate().getMetadata().getAnnotations();
  }

  private static String base64(String token) {
    return Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void planSetsResourcesImageAndGatewayConfig() {
    Deployment d = TenantFixtures.render(TenantFixtures.large()).deployment();
    var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("ghcr.io/slipway/gateway:1.4.2", container.getImage());
    assertEquals("200m", container.getResources().getRequests().get("cpu").toString());
    assertEquals("512Mi", container.getResources().getLimits().get("memory").toString());
    String config =
        container.getEnv().stream()
            .filter(e -> e.getName().equals("GATEWAY_CONFIG_JSON"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertEquals(
        "{\"tenant\":\"acme\",\"project\":\"acme-prod\",\"capacity\":{\"max_connections\":5000},"
            + "\"rate_limits\":{\"requests_per_second\":500,\"burst\":1000},"
            + "\"limits\":{\"proc\":{\"max_queue_size\":20000}}}",
        config);
  }

  @Test
  void autoscaledDeploymentLeavesReplicasToTheAutoscaler() {
    DesiredObjects objects = TenantFixtures.render(TenantFixtures.large());
    assertEquals(null, objects.deployment().getSpec().getReplicas());
    var hpa = objects.autoscaler().orElseThrow().getSpec();
    assertEquals(2, hpa.getMinReplicas());
    assertEquals(10, hpa.getMaxReplicas());
    assertEquals("acme", hpa.getScaleTargetRef().getName());
    assertEquals(70, hpa.getMetrics().get(0).getResource().getTarget().getAverageUtilization());
  }

  /** A changed pod template is what makes Kubernetes roll the pods. */
  @Test
  void gatewayConfigChangeChangesThePodTemplate() {
    TenantSpec base = TenantFixtures.large();
    TenantSpec changed =
        new TenantSpec(
            base.id(),
            base.slug(),
            base.generation(),
            base.desiredState(),
            base.sizing(),
            base.imageVersion(),
            new dev.slipway.common.model.GatewayConfig("acme-prod", 5000, 600, 1000, 20000),
            base.gatewayToken());
    assertNotEquals(
        TenantFixtures.render(base).deployment().getSpec().getTemplate(),
        TenantFixtures.render(changed).deployment().getSpec().getTemplate());
    assertEquals(
        TenantFixtures.render(base).deployment().getSpec().getTemplate(),
        TenantFixtures.render(TenantFixtures.large()).deployment().getSpec().getTemplate());
  }
}
