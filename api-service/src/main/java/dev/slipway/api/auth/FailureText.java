package dev.slipway.api.auth;

import java.util.UUID;

/**
 * What a tenant token reads in place of a failure's text. A failure records raw Kubernetes API or
 * exception text (object names of other components, admission webhooks, cluster internals): admins
 * and ops see it ({@link TenantAccess#seesFailureDetail}), a tenant's own client a generic line
 * that names the operation to quote to its administrator.
 */
public final class FailureText {
  static final String ADVICE = "contact your administrator";

  private FailureText() {}

  /** An operation's error. */
  public static String operation(UUID operationId) {
    return "provisioning failed; " + ADVICE + " (operation " + operationId + ")";
  }

  /** A tenant's last error: its operations list names the one that failed. */
  public static String tenant() {
    return "provisioning failed; " + ADVICE + " (see the tenant's operations)";
  }

  /** The message of a condition that is not True. */
  public static String condition() {
    return "not ready; " + ADVICE;
  }
}
