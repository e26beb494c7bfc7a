package dev.slipway.api.tenants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Deletion protection asked for by a create or an update: {@code given} false leaves it as it is; a
 * null reason (an update's {@code "deletionProtection": null}) clears it.
 */
public record ProtectionChange(boolean given, String reason) {
  public static final int MAX_REASON = 1000;
  public static final ProtectionChange NONE = new ProtectionChange(false, null);

  /**
   * {@code {"reason": "..."}}, or null for JSON null. The reason (required, at most {@link
   * #MAX_REASON}) is checked by Bean Validation on the request.
   */
  public static ProtectionChange of(DeletionProtection protection) {
    if (protection == null) {
      return new ProtectionChange(true, null);
    }
    return new ProtectionChange(true, protection.reason().trim());
  }

  /** The body member {@code deletionProtection}. */
  public record DeletionProtection(
      @NotBlank(message = "a reason is required: say why the tenant is protected")
          @Size(max = MAX_REASON, message = "reason is longer than {max}")
          String reason) {}
}
