package dev.slipway.local.kube.watch;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watches over chunked HTTP and websockets: resume, bookmarks, selectors, 410 Gone. */
class WatchTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private KubeEmulator emulator;

  @BeforeEach
  void start() {
    emulator = KubeEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void httpWatchStreamsChangesFromAResourceVersion() {
    create("before");
    String version = Long.toString(emulator.store().resourceVersion());
    try (HttpWatch watch =
        new HttpWatch(
            collection() + "?watch=true&resourceVersion=" + version, emulator.token("admin"))) {
      assertEquals(200, watch.statusCode());
      create("after");
      emulator.client().configMaps().inNamespace(NAMESPACE).withName("after").delete();
      await().atMost(WAIT).until(() -> watch.events().size() == 2);
      assertEquals(List.of("ADDED", "DELETED"), watch.types());
      assertEquals(List.of("after"), watch.names("ADDED"), "nothing from before the version");
    }
  }

  @Test
  void httpWatchWithoutVersionStartsWithTheCurrentState() {
    create("existing");
    try (HttpWatch watch = new HttpWatch(collection() + "?watch=1", emulator.token("admin"))) {
      await().atMost(WAIT).until(() -> watch.names("ADDED").contains("existing"));
    }
  }

  @Test
  void resumingAfterADroppedConnectionMissesNothing() {
    String version = Long.toString(emulator.store().resourceVersion());
    HttpWatch first =
        new HttpWatch(
            collection() + "?watch=true&resourceVersion=" + version, emulator.token("admin"));
    IntStream.range(0, 20).forEach(i -> create("first-" + i));
    await().atMost(WAIT).until(() -> first.events().size() >= 5);
    emulator.faults().dropWatches();
    await().atMost(WAIT).until(first::ended);
    IntStream.range(0, 20).forEach(i -> create("second-" + i));
    List<JsonNode> seen = first.events();
    String last =
        seen.get(seen.size() - 1).path("object").path("metadata").path("resourceVersion").asText();
    try (HttpWatch resumed =
        new HttpWatch(
            collection() + "?watch=true&resourceVersion=" + last, emulator.token("admin"))) {
      await().atMost(WAIT).until(() -> seen.size() + resumed.events().size() >= 40);
      List<String> all = new java.util.ArrayList<>(first.names("ADDED"));
      all.addAll(resumed.names("ADDED"));
      assertEquals(40, all.size(), all::toString);
      assertEquals(40, all.stream().distinct().count(), "no duplicates");
    }
  }

  @Test
  void fabric8WatchReconnectsAfterDropAndMissesNothing() {
    List<String> added = new CopyOnWriteArrayList<>();
    var watch = emulator.client().configMaps().inNamespace(NAMESPACE).watch(collector(added));
    try {
      IntStream.range(0, 10).forEach(i -> create("a-" + i));
      await().atMost(WAIT).until(() -> added.size() >= 10);
      emulator.faults().dropWatches();
      IntStream.range(0, 10).forEach(i -> create("b-" + i));
      await().atMost(WAIT).until(() -> added.size() >= 20);
      assertEquals(20, added.stream().distinct().count(), added::toString);
    } finally {
      watch.close();
    }
  }

  @Test
  void tooOldResourceVersionIsGone() {
    IntStream.range(0, WatchHub.LOG_CAPACITY + 10).forEach(i -> createInStore("n-" + i));
    try (HttpWatch watch =
        new HttpWatch(collection() + "?watch=true&resourceVersion=2", emulator.token("admin"))) {
      await().atMost(WAIT).until(watch::ended);
      JsonNode error = watch.events().get(0);
      assertEquals("ERROR", error.path("type").asText());
      assertEquals(410, error.path("object").path("code").asInt());
    }
  }

  @Test
  void bookmarksArriveWhenAskedFor() {
    try (HttpWatch watch =
        new HttpWatch(
            collection() + "?watch=true&allowWatchBookmarks=true&resourceVersion=1",
            emulator.token("admin"))) {
      await().atMost(WAIT).until(() -> watch.types().contains("BOOKMARK"));
      JsonNode bookmark = watch.events().get(watch.types().indexOf("BOOKMARK"));
      assertEquals("ConfigMap", bookmark.path("object").path("kind").asText());
      assertTrue(bookmark.path("object").path("metadata").path("resourceVersion").asLong() > 0);
    }
  }

  @Test
  void leavingTheSelectorIsADeletion() {
    create("labelled");
    String version = Long.toString(emulator.store().resourceVersion());
    String url = collection() + "?watch=true&labelSelector=tier%3Dweb&resourceVersion=" + version;
    try (HttpWatch watch = new HttpWatch(url, emulator.token("admin"))) {
      emulator
          .client()
          .configMaps()
          .inNamespace(NAMESPACE)
          .withName("labelled")
          .edit(
              c ->
                  new ConfigMapBuilder(c)
                      .editMetadata()
                      .addToLabels("tier", "db")
                      .endMetadata()
                      .build());
      await().atMost(WAIT).until(() -> watch.types().contains("DELETED"));
      assertEquals(List.of("DELETED"), watch.types());
    }
  }

  private String collection() {
    return emulator.url() + "/api/v1/namespaces/" + NAMESPACE + "/configmaps";
  }

  private void create(String name) {
    emulator.client().resource(configMap(name)).create();
  }

  private void createInStore(String name) {
    emulator
        .store()
        .create(
            new ObjectRef("configmaps", NAMESPACE, name),
            (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.MAPPER.valueToTree(configMap(name)));
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .addToLabels("tier", "web")
        .endMetadata()
        .addToData("k", "v")
        .build();
  }

  private static Watcher<ConfigMap> collector(List<String> added) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        if (action == Action.ADDED) {
          added.add(resource.getMetadata().getName());
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }
}
