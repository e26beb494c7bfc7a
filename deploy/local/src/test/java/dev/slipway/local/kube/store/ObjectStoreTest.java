package dev.slipway.local.kube.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.LabelSelector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Versioning, conflict, generation and index rules of the store, without HTTP. */
class ObjectStoreTest {

  private final ObjectStore store = new ObjectStore(Clock.systemUTC());

  @Test
  void resourceVersionsGrowAcrossTypesAndEveryChangeIsReported() {
    List<String> changes = new ArrayList<>();
    store.addListener((change, before, after) -> changes.add(change + " " + after.name()));
    long a = store.create(ref("deployments.apps", "a"), deployment("a", 1)).resourceVersion();
    long b = store.create(ref("secrets", "b"), object("b")).resourceVersion();
    long c = store.delete(ref("deployments.apps", "a"), o -> true).resourceVersion();
    assertTrue(a < b && b < c, a + " " + b + " " + c);
    assertEquals(c, store.resourceVersion());
    assertEquals(List.of("ADDED a", "ADDED b", "DELETED a"), changes);
  }

  @Test
  void staleResourceVersionIsAConflictAndMissingObjectsAre404() {
    ObjectRef ref = ref("deployments.apps", "d");
    long created = store.create(ref, deployment("d", 1)).resourceVersion();
    store.update(ref, o -> withReplicas(o, 2), null, false);
    ApiException stale =
        assertThrows(
            ApiException.class,
            () -> store.update(ref, o -> withVersion(withReplicas(o, 3), created), null, false));
    assertEquals(409, stale.code());
    ApiException missing =
        assertThrows(ApiException.class, () -> store.delete(ref.withName("gone"), o -> true));
    assertEquals(404, missing.code());
  }

  @Test
  void generationBumpsOnSpecChangesOnlyAndNoOpWritesKeepTheVersion() {
    ObjectRef ref = ref("deployments.apps", "g");
    StoredObject created = store.create(ref, deployment("g", 1));
    assertSame(created, store.update(ref, o -> o, null, false).object(), "no-op keeps version");
    StoredObject labelled = store.update(ref, o -> relabel(o, "web"), null, false).object();
    assertTrue(labelled.resourceVersion() > created.resourceVersion());
    assertEquals(1, labelled.tree().path("metadata").path("generation").asInt());
    StoredObject scaled = store.update(ref, o -> withReplicas(o, 5), null, false).object();
    assertEquals(2, scaled.tree().path("metadata").path("generation").asInt());
    ObjectNode status = Json.object();
    status.putObject("status").put("replicas", 5);
    StoredObject withStatus = store.update(ref, o -> status, null, true).object();
    assertEquals(2, withStatus.tree().path("metadata").path("generation").asInt());
    assertEquals(5, withStatus.tree().path("status").path("replicas").asInt());
  }

  @Test
  void listsUseTheLabelIndexAndKeepKeyOrder() {
    for (String name : List.of("c", "a", "b")) {
      ObjectNode object = object(name);
      Json.child(Json.child(object, "metadata"), "labels")
          .put("tier", name.equals("b") ? "db" : "web");
      store.create(ref("configmaps", name), object);
    }
    ObjectStore.Snapshot web =
        store.list("configmaps", "tenants", LabelSelector.parse("tier=web"), o -> true);
    assertEquals(List.of("a", "c"), web.items().stream().map(StoredObject::name).toList());
    ObjectStore.Snapshot other =
        store.list("configmaps", "other", LabelSelector.parse("tier=web"), o -> true);
    assertTrue(other.items().isEmpty());
    store.update(ref("configmaps", "a"), o -> relabel(o, "db"), null, false);
    assertEquals(
        List.of("a", "b"),
        store.list("configmaps", "", LabelSelector.parse("tier=db"), o -> true).items().stream()
            .map(StoredObject::name)
            .toList());
  }

  @Test
  void finalizersDelayDeletionUntilRemoved() {
    ObjectRef ref = ref("configmaps", "f");
    ObjectNode object = object("f");
    Json.child(object, "metadata").putArray("finalizers").add("example.com/keep");
    store.create(ref, object);
    store.delete(ref, o -> true);
    assertTrue(store.get(ref).tree().path("metadata").hasNonNull("deletionTimestamp"));
    store.update(ref, ObjectStoreTest::withoutFinalizers, null, false);
    assertNull(store.get(ref));
  }

  private static ObjectNode relabel(ObjectNode object, String tier) {
    Json.child(Json.child(object, "metadata"), "labels").put("tier", tier);
    return object;
  }

  private static ObjectNode withoutFinalizers(ObjectNode object) {
    Json.child(object, "metadata").remove("finalizers");
    return object;
  }

  private static ObjectRef ref(String type, String name) {
    return new ObjectRef(type, "tenants", name);
  }

  private static ObjectNode object(String name) {
    ObjectNode object = Json.object();
    object.put("apiVersion", "v1").put("kind", "ConfigMap");
    object.putObject("metadata").put("name", name);
    return object;
  }

  private static ObjectNode deployment(String name, int replicas) {
    ObjectNode object = object(name);
    object.put("apiVersion", "apps/v1").put("kind", "Deployment");
    object.putObject("spec").put("replicas", replicas);
    return object;
  }

  private static ObjectNode withReplicas(ObjectNode object, int replicas) {
    Json.child(object, "spec").put("replicas", replicas);
    return object;
  }

  private static ObjectNode withVersion(ObjectNode object, long version) {
    Json.child(object, "metadata").put("resourceVersion", Long.toString(version));
    return object;
  }
}
