package dev.slipway.worker.converge;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;

/**
 * Classifies failures: permanent ones (the request itself is wrong, retrying cannot help) are
 * recorded and acknowledged; everything else is retried with back-off and ends in the DLQ.
 */
final class Failures {
  private Failures() {}

  static boolean isPermanent(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PermanentFailure) {
        return true;
      }
      if (t instanceof KubernetesClientException k) {
        // 400/422: the API server rejected the object itself. 403: RBAC refuses the worker,
        // which no retry changes (the Role must be fixed, then the operation retried); it is
        // also counted and logged as such (Converger). 401/404 (credentials being
        // rotated, a namespace not created yet) may pass: keep retrying.
        return k.getCode() == 400 || k.getCode() == 422 || k.getCode() == 403;
      }
    }
    return false;
  }

  /**
   * Whether a write may have been carried out although the worker saw it fail: no HTTP answer (a
   * timeout, a reset connection), or 504, which kube-apiserver's timeout filter answers while the
   * request's handler goes on and may still write. A refused connection never reached the server;
   * any other answer (500 included) is taken as the request's end.
   */
  static boolean outcomeUnknown(Throwable error) {
    boolean unanswered = false;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return false;
      }
      if (t instanceof KubernetesClientException k) {
        if (k.getCode() > 0) {
          return k.getCode() == 504;
        }
        // fabric8 gives -1 (or 0) where no HTTP answer came: a timeout, a reset connection.
        unanswered = true;
      }
    }
    return unanswered;
  }

  /** The API server's 403 somewhere in the chain, or null. */
  static KubernetesClientException forbidden(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() == 403) {
        return k;
      }
    }
    return null;
  }

  /** A short, secret-free description for logs and the operation's last error. */
  static String describe(Throwable error) {
    if (error instanceof KubernetesClientException k && k.getStatus() != null) {
      return "kubernetes %d %s: %s"
          .formatted(k.getCode(), k.getStatus().getReason(), k.getStatus().getMessage());
    }
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** A failure that no retry can fix (e.g. the tenant row is gone). */
  static final class PermanentFailure extends RuntimeException {
    PermanentFailure(String message) {
      super(message);
    }
  }
}
