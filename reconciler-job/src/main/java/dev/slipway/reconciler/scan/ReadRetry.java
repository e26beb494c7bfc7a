package dev.slipway.reconciler.scan;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vertx.core.http.HttpClosedException;
import java.util.function.Supplier;

/**
 * Sends a LIST page again when the connection it went out on was closed under it: a pooled
 * connection the API server had already closed (an idle timeout, an HTTP/2 GOAWAY). fabric8's own
 * retry covers only IOExceptions, and its Vert.x client reports this as HttpClosedException, so one
 * stale connection failed the whole pass (ThrottledListingQuarkusTest saw it). Only for reads: a
 * write without an answer may still land, which the worker handles differently
 * (provisioner-worker/README.md, "Writes without an answer").
 */
final class ReadRetry {
  static final int ATTEMPTS = 3;

  private ReadRetry() {}

  static <T> T call(Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (KubernetesClientException e) {
        if (attempt >= ATTEMPTS || !closedConnection(e)) {
          throw e;
        }
      }
    }
  }

  static boolean closedConnection(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof HttpClosedException) {
        return true;
      }
    }
    return false;
  }
}
