package dev.slipway.local.kube.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.TestObjects;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LIST with limit/continue over 10,000 objects, through the fabric8 client. */
class PaginationTest {

  private static final int OBJECTS = 10_000;
  private static KubeEmulator emulator;

  @BeforeAll
  static void fill() {
    emulator = KubeEmulator.start();
    // Straight into the store: 10,000 HTTP creates would test the client, not pagination.
    for (int i = 0; i < OBJECTS; i++) {
      emulator.store().create(ref(name(i)), configMap(name(i), i % 2 == 0 ? "even" : "odd"));
    }
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void everyObjectExactlyOnceWhileTheStoreChanges() {
    KubernetesClient client = emulator.client();
    Set<String> seen = new HashSet<>();
    String token = null;
    int pages = 0;
    String listVersion = null;
    do {
      ConfigMapList page = page(client, 700L, token, null);
      for (ConfigMap item : page.getItems()) {
        assertTrue(seen.add(item.getMetadata().getName()), "twice: " + item.getMetadata());
      }
      listVersion = listVersion == null ? page.getMetadata().getResourceVersion() : listVersion;
      assertEquals(listVersion, page.getMetadata().getResourceVersion(), "one snapshot");
      token = page.getMetadata().getContinue();
      if (token != null) {
        assertEquals(OBJECTS - seen.size(), page.getMetadata().getRemainingItemCount());
      }
      churn(pages++);
    } while (token != null);
    assertEquals(OBJECTS, seen.size());
    assertEquals(15, pages);
  }

  @Test
  void labelSelectedPagesHoldOnlyMatchesAndNoCount() {
    ConfigMapList first = page(emulator.client(), 1000L, null, "parity=even");
    assertEquals(1000, first.getItems().size());
    assertTrue(first.getItems().stream().allMatch(c -> "even".equals(c.getData().get("parity"))));
    assertNull(first.getMetadata().getRemainingItemCount(), "unknown with a selector");
    assertTrue(first.getMetadata().getContinue() != null);
  }

  @Test
  void anExpiredContinueTokenIsGone() {
    String expired =
        Base64.getUrlEncoder().encodeToString("999999:10:1".getBytes(StandardCharsets.UTF_8));
    KubernetesClientException gone =
        assertThrows(
            KubernetesClientException.class, () -> page(emulator.client(), 10L, expired, null));
    assertEquals(410, gone.getCode());
  }

  @Test
  void withoutLimitOnePageHoldsEverything() {
    ConfigMapList all = page(emulator.client(), null, null, null);
    assertTrue(all.getItems().size() >= OBJECTS);
    assertNull(all.getMetadata().getContinue());
  }

  /** Creates, updates and deletes objects between pages; the snapshot must not notice. */
  private static void churn(int round) {
    ObjectStore store = emulator.store();
    store.create(ref("new-" + round), configMap("new-" + round, "even"));
    store.update(ref(name(round * 600)), o -> relabel(o, "changed"), null, false);
    try {
      store.delete(ref(name(OBJECTS - 1 - round)), o -> true);
    } catch (ApiException alreadyGone) {
      // Another test deleted it: no matter here.
    }
  }

  private static ConfigMapList page(KubernetesClient client, Long limit, String token, String sel) {
    var options = new ListOptionsBuilder().withLimit(limit).withContinue(token);
    return client
        .configMaps()
        .inNamespace(TestObjects.NAMESPACE)
        .list(options.withLabelSelector(sel).build());
  }

  private static ObjectNode relabel(ObjectNode object, String parity) {
    Json.child(Json.child(object, "metadata"), "labels").put("parity", parity);
    return object;
  }

  private static String name(int i) {
    return String.format("cm-%05d", i);
  }

  private static ObjectRef ref(String name) {
    return new ObjectRef("configmaps", TestObjects.NAMESPACE, name);
  }

  private static ObjectNode configMap(String name, String parity) {
    ObjectNode object = Json.object();
    object.put("apiVersion", "v1").put("kind", "ConfigMap");
    object.putObject("metadata").put("name", name).putObject("labels").put("parity", parity);
    object.putObject("data").put("parity", parity);
    return object;
  }
}
