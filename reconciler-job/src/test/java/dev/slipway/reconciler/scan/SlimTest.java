package dev.slipway.reconciler.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlimTest {
  @Test
  void shedReplacesOnlyEmptyCollectionsWithTheImmutableEmpties() {
    ObjectMeta meta = Slim.shed(new ObjectMeta());
    assertSame(List.of(), meta.getFinalizers());
    assertSame(List.of(), meta.getManagedFields());
    assertSame(Map.of(), meta.getAdditionalProperties());
    assertThrows(UnsupportedOperationException.class, () -> meta.getFinalizers().add("x"));
    ObjectMeta named = new ObjectMeta();
    named.getFinalizers().add("keep");
    assertEquals(List.of("keep"), Slim.shed(named).getFinalizers());
  }

  @Test
  void deepReachesListedObjectsInsideListsAndFields() {
    PodSpec spec = new PodSpec();
    spec.getContainers().add(new ContainerBuilder().withName("gateway").build());
    Slim.deep(List.of(spec));
    assertSame(List.of(), spec.getVolumes());
    assertSame(List.of(), spec.getContainers().get(0).getEnv());
    assertSame(Map.of(), spec.getContainers().get(0).getAdditionalProperties());
    assertEquals("gateway", spec.getContainers().get(0).getName());
  }

  @Test
  void mapsBecomeImmutableButOneWithANullValueStaysAsItIs() {
    Map<String, String> withNull = new HashMap<>();
    withNull.put("a", null);
    assertSame(withNull, Slim.map(withNull));
    assertThrows(
        UnsupportedOperationException.class, () -> Slim.map(Map.of("a", "b")).put("c", "d"));
  }

  @Test
  void aKeptPodHoldsOnlyItsTenantLabelAndNoFreshEmptyCollections() {
    Pod listed =
        new PodBuilder()
            .withNewMetadata()
            .withName("acme-1")
            .addToLabels(GatewayDefaults.LABEL_TENANT_ID, "t-1")
            .addToLabels("app", "gateway")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("gateway")
            .endContainer()
            .endSpec()
            .build();
    Pod kept = (Pod) ComparedFields.keep(listed);
    assertEquals(Map.of(GatewayDefaults.LABEL_TENANT_ID, "t-1"), kept.getMetadata().getLabels());
    assertSame(List.of(), kept.getMetadata().getOwnerReferences());
    assertSame(Map.of(), kept.getAdditionalProperties());
  }
}
