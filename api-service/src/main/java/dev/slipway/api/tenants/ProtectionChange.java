package dev.slipway.api.tenants;

import dev.slipway.api.http.ApiException;

/**
 * Deletion protection asked for by a create or an update: {@code given} false leaves it as it is; a
 * null reason (an update's {@code "deletionProtection": null}) clears it.
 */
public record ProtectionChange(boolean given, String reason) {
  static final int MAX_REASON = 1000;
  public static final ProtectionChange NONE = new ProtectionChange(false, null);

  /** {@code {"reason": "..."}}, or null for JSON null: the reason must say why. */
  public static ProtectionChange of(DeletionProtection protection) {
    if (protection == null) {
      return new ProtectionChange(true, null);
    }
    String reason = protection.reason();
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalidField(
          "deletionProtection.reason", "a reason is required: say why the tenant is protected");
    }
    if (reason.length() > MAX_REASON) {
      throw ApiException.invalidField(
          "deletionProtection.reason", "reason is longer than " + MAX_REASON);
    }
    return new ProtectionChange(true, reason.trim());
  }

  /** The body member {@code deletionProtection}. */
  public record DeletionProtection(String reason) {}
}
