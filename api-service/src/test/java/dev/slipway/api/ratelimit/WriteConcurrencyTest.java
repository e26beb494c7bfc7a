package dev.slipway.api.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.http.OverloadedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WriteConcurrencyTest {

  @Test
  void refusesTheWriteBeyondTheLimitAndAdmitsAgainOnceOneEnds() {
    WriteConcurrency limit = new WriteConcurrency(2);
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    var a = subscribe(limit.admit(() -> Uni.createFrom().completionStage(first)));
    var b = subscribe(limit.admit(() -> Uni.createFrom().completionStage(second)));
    var refused = subscribe(limit.admit(() -> Uni.createFrom().item("never run")));

    refused.assertFailedWith(OverloadedException.class, "limit of 2 concurrent writes");
    assertEquals(2, limit.inFlight());

    first.complete("done");
    a.assertItem("done");
    subscribe(limit.admit(() -> Uni.createFrom().item("admitted"))).assertItem("admitted");
    second.completeExceptionally(new IllegalStateException("database down"));
    b.assertFailedWith(IllegalStateException.class, "database down");
    assertEquals(0, limit.inFlight());
  }

  @Test
  void aWriteThatThrowsBeforeReturningItsUniStillFreesItsPlace() {
    WriteConcurrency limit = new WriteConcurrency(1);
    subscribe(
            limit.<String>admit(
                () -> {
                  throw new IllegalArgumentException("bad");
                }))
        .assertFailedWith(IllegalArgumentException.class, "bad");
    assertEquals(0, limit.inFlight());
  }

  @Test
  void zeroTurnsTheLimitOff() {
    WriteConcurrency limit = new WriteConcurrency(0);
    CompletableFuture<String> pending = new CompletableFuture<>();
    for (int i = 0; i < 1000; i++) {
      subscribe(limit.admit(() -> Uni.createFrom().completionStage(pending)));
    }
    subscribe(limit.admit(() -> Uni.createFrom().item("still admitted")))
        .assertItem("still admitted");
  }

  private static <T> UniAssertSubscriber<T> subscribe(Uni<T> uni) {
    return uni.subscribe().withSubscriber(UniAssertSubscriber.create());
  }
}
