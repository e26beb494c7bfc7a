package dev.slipway.reconciler.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconciler's own client reads listed objects without their managed fields (ListingJson). */
@QuarkusTest
class ListingJsonQuarkusTest {
  private static final String POD =
      """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"acme-1","namespace":"tenants",
       "labels":{"slipway.dev/tenant-id":"t-1"},
       "managedFields":[{"manager":"kube-controller-manager","operation":"Update",
         "fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:ownerReferences":
           {"k:{\\"uid\\":\\"0b5d\\"}":{}}}}}]},
       "status":{"phase":"Running"}}
      """;

  @Inject KubernetesClient client;

  @Test
  void managedFieldsAreSkippedAndEverythingElseIsRead() {
    Pod pod = client.getKubernetesSerialization().unmarshal(POD, Pod.class);
    assertTrue(pod.getMetadata().getManagedFields().isEmpty(), "managed fields not bound");
    assertEquals("acme-1", pod.getMetadata().getName());
    assertEquals(Map.of("slipway.dev/tenant-id", "t-1"), pod.getMetadata().getLabels());
    assertEquals("Running", pod.getStatus().getPhase());
  }
}
