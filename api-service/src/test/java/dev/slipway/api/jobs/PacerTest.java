package dev.slipway.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How many messages a replay handles at once, its slots, and when it keeps what a scan holds. */
class PacerTest {

  @Test
  void belowTwentyPerSecondEveryMessageHasItsOwnSlot() {
    assertEquals(1, Pacer.chunkSize(0.1));
    assertEquals(1, Pacer.chunkSize(5.0));
    assertEquals(1, Pacer.chunkSize(19.9));
    assertEquals(2, Pacer.chunkSize(20.0));
    assertEquals(5, Pacer.chunkSize(50.0));
    assertEquals(10, Pacer.chunkSize(100.0));
    assertEquals(10, Pacer.chunkSize(5000.0));
    assertEquals(10, Pacer.chunkSize(null));
  }

  @Test
  void aChunkTakesOneSlotPerMessage() throws InterruptedException {
    Pacer pacer = new Pacer(20.0); // 50 ms a slot
    assertFalse(pacer.await(4), "the first chunk starts at once");
    long start = System.nanoTime();
    assertTrue(pacer.await(1), "the next waits for the four slots taken");
    assertTrue(System.nanoTime() - start >= 150_000_000L, "about 200 ms, at least 150");
  }

  @Test
  void withoutARateNothingWaits() throws InterruptedException {
    Pacer pacer = new Pacer(null);
    assertFalse(pacer.await(10));
    assertFalse(pacer.await(10));
  }
}
