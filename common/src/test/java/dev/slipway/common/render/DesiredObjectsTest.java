package dev.slipway.common.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
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
        List.of("Ingress", "Service", "Deployment", "Secret"), kinds(objects.inDeleteOrder()));
    assertEquals(objects.ingress(), objects.inDeleteOrder().get(0));
  }

  @Test
  void nullObjectIsRejected() {
    assertThrows(
        NullPointerException.class,
        () -> new DesiredObjects(objects.secret(), null, objects.service(), objects.ingress()));
  }

  private static List<String> kinds(List<HasMetadata> list) {
    return list.stream().map(HasMetadata::getKind).toList();
  }
}
