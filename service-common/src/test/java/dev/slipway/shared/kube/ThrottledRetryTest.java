package dev.slipway.shared.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottledRetryTest {

  private final List<Duration> pauses = new ArrayList<>();

  @Test
  void a429IsSentAgainAfterItsRetryAfterUntilItIsServed() {
    AtomicInteger calls = new AtomicInteger();
    ThrottledRetry retry = new ThrottledRetry(Duration.ofSeconds(10), pauses::add);
    String answer =
        retry.call(
            () -> {
              if (calls.incrementAndGet() <= 3) {
                throw throttled(2);
              }
              return "served";
            });
    assertEquals("served", answer);
    assertEquals(4, calls.get());
    assertEquals(
        List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), pauses);
  }

  @Test
  void a429WithoutADelayWaitsOneSecondAsTheServerDefault() {
    assertEquals(Duration.ofSeconds(1), ThrottledRetry.retryAfter(throttled(null)));
    assertEquals(
        Duration.ofSeconds(1),
        ThrottledRetry.retryAfter(new KubernetesClientException("x", 429, null)));
  }

  @Test
  void beyondTheMaximumWaitTheLast429IsThrown() {
    ThrottledRetry retry = new ThrottledRetry(Duration.ofSeconds(3), pauses::add);
    KubernetesClientException last = throttled(1);
    AtomicInteger calls = new AtomicInteger();
    KubernetesClientException thrown =
        assertThrows(
            KubernetesClientException.class,
            () ->
                retry.call(
                    () -> {
                      calls.incrementAndGet();
                      throw last;
                    }));
    assertSame(last, thrown);
    assertEquals(4, calls.get(), "three waits of one second fit in three seconds");
    assertEquals(3, pauses.size());
  }

  @Test
  void otherFailuresAreNotRetried() {
    ThrottledRetry retry = new ThrottledRetry(Duration.ofSeconds(10), pauses::add);
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        KubernetesClientException.class,
        () ->
            retry.call(
                () -> {
                  calls.incrementAndGet();
                  throw new KubernetesClientException("unavailable", 503, null);
                }));
    assertEquals(1, calls.get());
    assertTrue(pauses.isEmpty());
  }

  @Test
  void signalsFollowTheLatestAnswerAndCount429s() {
    ApiServerSignals signals = new ApiServerSignals();
    signals.observe(200, true);
    assertTrue(signals.priorityAndFairness());
    signals.observe(429, true);
    signals.observe(200, false);
    assertEquals(false, signals.priorityAndFairness());
    assertEquals(1.0, signals.throttled());
  }

  private static KubernetesClientException throttled(Integer retryAfterSeconds) {
    Status status =
        new StatusBuilder()
            .withCode(429)
            .withReason("TooManyRequests")
            .withNewDetails()
            .withRetryAfterSeconds(retryAfterSeconds)
            .endDetails()
            .build();
    return new KubernetesClientException(status);
  }
}
