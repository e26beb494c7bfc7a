package dev.slipway.worker.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class KubeRequestLimiterTest {

  @Test
  void theBucketLimitsAServerWithoutPriorityAndFairness() {
    KubeRequestLimiter limiter = new KubeRequestLimiter(1, 2);
    assertEquals(0, limiter.reserve());
    assertEquals(0, limiter.reserve());
    assertTrue(limiter.reserve() > 500_000_000L, "the third waits for its token (1/s)");
  }

  @Test
  void whileTheServerPacesNoRequestWaits() {
    AtomicBoolean apf = new AtomicBoolean(true);
    KubeRequestLimiter limiter = new KubeRequestLimiter(0.001, 1, apf::get);
    for (int i = 0; i < 1_000; i++) {
      limiter.acquire(); // would wait about 1,000 s per request under the bucket
    }
    apf.set(false);
    assertEquals(0, limiter.reserve(), "the bucket is full again: nothing was taken");
    assertTrue(limiter.reserve() > 0);
  }
}
