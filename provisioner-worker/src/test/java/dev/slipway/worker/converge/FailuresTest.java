package dev.slipway.worker.converge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void aWriteWithoutAnAnswerOrWithA504IsInDoubt() {
    assertTrue(Failures.outcomeUnknown(unanswered(new TimeoutException("timed out"))));
    assertTrue(Failures.outcomeUnknown(new RuntimeException(unanswered(null))));
    assertTrue(
        Failures.outcomeUnknown(new KubernetesClientException("gateway timeout", 504, null)));
  }

  @Test
  void anAnswerOrARefusedConnectionIsNot() {
    assertFalse(Failures.outcomeUnknown(new KubernetesClientException("boom", 500, null)));
    assertFalse(Failures.outcomeUnknown(new KubernetesClientException("busy", 429, null)));
    assertFalse(Failures.outcomeUnknown(unanswered(new ConnectException("refused"))));
    assertFalse(Failures.outcomeUnknown(new IllegalStateException("tenant not found")));
  }

  /** What fabric8 throws where no HTTP answer came: code -1 around the transport's exception. */
  private static KubernetesClientException unanswered(Throwable cause) {
    return new KubernetesClientException("An error has occurred.", -1, null) {
      @Override
      public synchronized Throwable getCause() {
        return cause;
      }
    };
  }
}
