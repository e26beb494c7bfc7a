package dev.slipway.api.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Only the first create waits for the grouped count; once the counts expire, creates go on with the
 * counts they have while one count runs in the background (issue 8, P1: every create counting on
 * its own stalled them all).
 */
class NamespacePlacementTest {
  private static final List<String> TWO = List.of("tenants", "tenants-2");
  private int countsStarted;
  private CompletableFuture<Map<String, Long>> count = new CompletableFuture<>();

  private Uni<Map<String, Long>> liveCounts(SqlClient client) {
    countsStarted++;
    return Uni.createFrom().completionStage(count);
  }

  // A refresh of zero: every create after the first finds the counts expired.
  private final NamespacePlacement placement =
      new NamespacePlacement(this::liveCounts, null, TWO, Duration.ZERO);

  @Test
  void theFirstCreatesWaitForOneCount() {
    var first = placement.choose(null).subscribe().withSubscriber(UniAssertSubscriber.create());
    var second = placement.choose(null).subscribe().withSubscriber(UniAssertSubscriber.create());
    first.assertNotTerminated();
    assertEquals(1, countsStarted, "one count for both");

    count.complete(Map.of("tenants", 10L, "tenants-2", 3L));
    first.assertItem("tenants-2");
    second.assertItem("tenants-2");
  }

  @Test
  void afterTheFirstCountCreatesDoNotWaitAndShareOneBackgroundCount() {
    placement.choose(null).subscribe().withSubscriber(UniAssertSubscriber.create());
    count.complete(Map.of("tenants", 10L, "tenants-2", 3L));
    count = new CompletableFuture<>(); // the next count hangs until completed below

    for (int i = 0; i < 5; i++) {
      placement
          .choose(null)
          .subscribe()
          .withSubscriber(UniAssertSubscriber.create())
          .assertItem("tenants-2"); // placed at once, by the counts it has
    }
    assertEquals(2, countsStarted, "the first count, then one in the background for all five");

    count.complete(Map.of("tenants", 0L, "tenants-2", 50L));
    placement
        .choose(null)
        .subscribe()
        .withSubscriber(UniAssertSubscriber.create())
        .assertItem("tenants"); // the background count replaced the counts
  }
}
