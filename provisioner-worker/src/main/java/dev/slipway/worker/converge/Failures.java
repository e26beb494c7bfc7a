package dev.slipway.worker.converge;

import io.fabric8.kubernetes.client.KubernetesClientException;

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
        // 400/422: the API server rejected the object itself. 401/403/404 are configuration
        // (credentials, RBAC, a missing namespace) that an operator can fix: keep retrying.
        return k.getCode() == 400 || k.getCode() == 422;
      }
    }
    return false;
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
