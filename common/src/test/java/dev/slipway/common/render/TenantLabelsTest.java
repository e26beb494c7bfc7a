package dev.slipway.common.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TenantLabelsTest {
  @Test
  void selectorIsTheTwoSeedLabels() {
    assertEquals(Map.of("app", "gateway", "tenant", "acme"), TenantLabels.selector("acme"));
  }

  @Test
  void managedSelectorMatchesRenderedLabels() {
    Map<String, String> labels = TenantLabels.forTenant(TenantFixtures.tenant());
    GatewayDefaults.MANAGED_SELECTOR.forEach((k, v) -> assertEquals(v, labels.get(k), k));
    assertEquals(
        Map.of("app.kubernetes.io/managed-by", "slipway"), GatewayDefaults.MANAGED_SELECTOR);
  }

  @Test
  void generationIsReadBackFromRenderedObjects() {
    DesiredObjects objects = TenantFixtures.render(TenantFixtures.withGeneration(42));
    assertEquals(OptionalLong.of(42), TenantLabels.generationOf(objects.ingress()));
  }

  @Test
  void generationIsEmptyWhenMissingOrGarbled() {
    assertEquals(OptionalLong.empty(), TenantLabels.generationOf(null));
    assertEquals(OptionalLong.empty(), TenantLabels.generationOf(new ConfigMap()));
    assertEquals(OptionalLong.empty(), TenantLabels.generationOf(annotated("twelve")));
    assertEquals(OptionalLong.of(12), TenantLabels.generationOf(annotated("12")));
  }

  private static ConfigMap annotated(String generation) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .addToAnnotations(GatewayDefaults.ANNOTATION_GENERATION, generation)
        .endMetadata()
        .build();
  }
}
