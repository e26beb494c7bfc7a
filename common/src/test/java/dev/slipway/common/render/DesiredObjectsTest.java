package dev.slipway.common.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesiredObjectsTest {
  private final DesiredObjects objects = TenantFixtures.render(TenantFixtures.tenant());

  @Test
  void applyOrderPutsSecretBeforeDeployment() {
    assertEquals(
        List.of("Secret", "Deployment", "Service", "Ingress"), kinds(objects.inApplyOrder()));
    assertEquals(objects.secret(), objects.inApplyOrder().get(0));
  }

  @Test
  void deleteOrderIsReverseOfApplyOrder() {
    assertEquals(
        List.of("HorizontalPodAutoscaler", "Ingress", "Service", "Deployment", "Secret"),
        kinds(objects.inDeleteOrder()));
    assertEquals(objects.ingress(), objects.inDeleteOrder().get(1));
  }

  @Test
  void autoscalerIsAppliedLastAndDeletedFirst() {
    DesiredObjects large = TenantFixtures.render(TenantFixtures.large());
    assertEquals(
        List.of("Secret", "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler"),
        kinds(large.inApplyOrder()));
    assertEquals(
        List.of("HorizontalPodAutoscaler", "Ingress", "Service", "Deployment", "Secret"),
        kinds(large.inDeleteOrder()));
    assertEquals(List.of(), large.absent());
  }

  @Test
  void withoutAutoscalerOneIsNamedAbsentAndStillDeleted() {
    assertEquals(List.of("HorizontalPodAutoscaler"), kinds(objects.absent()));
    assertEquals("acme", objects.absent().get(0).getMetadata().getName());
    assertEquals("HorizontalPodAutoscaler", objects.inDeleteOrder().get(0).getKind());
  }

  @Test
  void stoppedAutoscaledTenantHasNoAutoscalerAndZeroReplicas() {
    DesiredObjects stopped = TenantFixtures.render(TenantFixtures.large(DesiredState.STOPPED));
    assertTrue(stopped.autoscaler().isEmpty());
    assertEquals(0, stopped.deployment().getSpec().getReplicas());
    assertEquals(List.of("HorizontalPodAutoscaler"), kinds(stopped.absent()));
  }

  @Test
  void offlineTenantIsUnroutedWithZeroReplicasAndItsIngressNamedAbsent() {
    DesiredObjects offline = TenantFixtures.render(TenantFixtures.large(DesiredState.OFFLINE));
    assertFalse(offline.routed());
    assertEquals(List.of("Secret", "Deployment", "Service"), kinds(offline.inApplyOrder()));
    assertEquals(List.of("HorizontalPodAutoscaler", "Ingress"), kinds(offline.absent()));
    assertEquals(0, offline.deployment().getSpec().getReplicas());
    assertEquals(
        List.of("HorizontalPodAutoscaler", "Ingress", "Service", "Deployment", "Secret"),
        kinds(offline.inDeleteOrder()),
        "a purge still deletes everything, each once");
    assertTrue(objects.routed());
  }

  @Test
  void nullObjectIsRejected() {
    assertThrows(
        NullPointerException.class,
        () ->
            new DesiredObjects(
                objects.secret(),
                null,
                objects.service(),
                objects.ingress(),
                Optional.empty(),
                List.of()));
  }

  private static List<String> kinds(List<HasMetadata> list) {
    return list.stream().map(HasMetadata::getKind).toList();
  }
}
