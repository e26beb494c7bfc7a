package dev.slipway.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeldMessagesTest {
  private final HeldMessages held = new HeldMessages(20, new SimpleMeterRegistry());

  @Test
  void anIdleWorkerTakesAFullBatchAtOnce() throws InterruptedException {
    assertEquals(10, held.reserve(10, 10, Duration.ofSeconds(1)));
    assertEquals(10, held.reserve(10, 10, Duration.ofSeconds(1)));
  }

  @Test
  void aBusyWorkerWaitsForABatchRatherThanTakingEachFreedRoom() throws InterruptedException {
    assertEquals(10, held.reserve(10, 10, Duration.ZERO));
    assertEquals(10, held.reserve(10, 10, Duration.ZERO));
    held.unreserve(3); // three settled: not yet a batch
    long start = System.nanoTime();
    assertEquals(3, held.reserve(10, 10, Duration.ofMillis(200)), "after the wait: what is free");
    assertTrue(System.nanoTime() - start >= 150_000_000L, "it waited for the batch first");
    held.unreserve(10);
    assertEquals(10, held.reserve(10, 10, Duration.ofSeconds(5)), "a whole batch: at once");
  }

  @Test
  void aFullWorkerTakesNothing() throws InterruptedException {
    assertEquals(10, held.reserve(10, 10, Duration.ZERO));
    assertEquals(10, held.reserve(10, 10, Duration.ZERO));
    assertEquals(0, held.reserve(10, 10, Duration.ofMillis(50)));
  }

  @Test
  void aBatchLargerThanTheRoomThereIsStillReceivesWhatFits() throws InterruptedException {
    HeldMessages small = new HeldMessages(4, new SimpleMeterRegistry());
    assertEquals(4, small.reserve(10, 2, Duration.ZERO));
  }
}
