package dev.slipway.reconciler.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vertx.core.http.HttpClosedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadRetryTest {

  private static KubernetesClientException closed() {
    return new KubernetesClientException(
        "Connection was closed", new HttpClosedException("Connection was closed"));
  }

  @Test
  void aReadWhoseConnectionWasClosedIsSentAgain() {
    AtomicInteger calls = new AtomicInteger();
    String page =
        ReadRetry.call(
            () -> {
              if (calls.incrementAndGet() < ReadRetry.ATTEMPTS) {
                throw closed();
              }
              return "page";
            });
    assertEquals("page", page);
    assertEquals(ReadRetry.ATTEMPTS, calls.get());
  }

  @Test
  void itGivesUpAfterItsAttemptsAndNeverRetriesOtherFailures() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        KubernetesClientException.class,
        () ->
            ReadRetry.call(
                () -> {
                  calls.incrementAndGet();
                  throw closed();
                }));
    assertEquals(ReadRetry.ATTEMPTS, calls.get());

    KubernetesClientException forbidden = new KubernetesClientException("forbidden", 403, null);
    AtomicInteger once = new AtomicInteger();
    var thrown =
        assertThrows(
            KubernetesClientException.class,
            () ->
                ReadRetry.call(
                    () -> {
                      once.incrementAndGet();
                      throw forbidden;
                    }));
    assertSame(forbidden, thrown);
    assertEquals(1, once.get());
  }
}
