package dev.slipway.api.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
  private final AtomicInteger started = new AtomicInteger();
  private CompletableFuture<String> pending = new CompletableFuture<>();

  private final Supplier<Uni<String>> read =
      () ->
          Uni.createFrom()
              .deferred(
                  () -> {
                    started.incrementAndGet();
                    return Uni.createFrom().completionStage(pending);
                  });

  @Test
  void callersWhileAReadRunsShareIt() {
    SingleFlight<String> flight = new SingleFlight<>();
    var first = flight.get(read).subscribe().withSubscriber(UniAssertSubscriber.create());
    var second = flight.get(read).subscribe().withSubscriber(UniAssertSubscriber.create());
    var third = flight.get(read).subscribe().withSubscriber(UniAssertSubscriber.create());
    assertEquals(1, started.get(), "one query for three callers");

    pending.complete("counts");
    first.assertItem("counts");
    second.assertItem("counts");
    third.assertItem("counts");
  }

  @Test
  void theNextCallerAfterTheEndStartsAFreshRead() {
    SingleFlight<String> flight = new SingleFlight<>();
    flight.get(read).subscribe().withSubscriber(UniAssertSubscriber.create());
    pending.complete("old");

    pending = new CompletableFuture<>();
    var later = flight.get(read).subscribe().withSubscriber(UniAssertSubscriber.create());
    pending.complete("new");
    later.assertItem("new");
    assertEquals(2, started.get());
  }

  @Test
  void aFailedReadIsNotKept() {
    SingleFlight<String> flight = new SingleFlight<>();
    var failed = flight.get(read).subscribe().withSubscriber(UniAssertSubscriber.create());
    pending.completeExceptionally(new IllegalStateException("database down"));
    assertTrue(failed.getFailure() instanceof IllegalStateException);

    pending = new CompletableFuture<>();
    var retried = flight.get(read).subscribe().withSubscriber(UniAssertSubscriber.create());
    pending.complete("counts");
    retried.assertItem("counts");
    assertEquals(2, started.get());
  }
}
