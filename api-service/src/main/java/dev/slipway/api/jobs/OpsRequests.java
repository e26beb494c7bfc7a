package dev.slipway.api.jobs;

import dev.slipway.api.audit.OpsAudit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the ops endpoints. Unknown fields are refused (400), like everywhere. */
public final class OpsRequests {
  /** Most dead letters one replay or purge handles; more need another request. */
  public static final int MAX_COUNT = 100_000;

  /** Slowest replay rate; the fastest is configuration (slipway.api.ops.max-rate). */
  public static final String MIN_RATE = "0.1";

  private static final String MAX_COUNT_RULE = "maxCount must be from 1 to " + MAX_COUNT;
  private static final String CONFIRM_RULE =
      "confirm must be true: a purge deletes dead letters for good";

  private OpsRequests() {}

  /**
   * Which dead letters: every given list narrows the selection; absent or empty matches all.
   *
   * @param tenants tenant ids or slugs (a slug names every tenant that carried it)
   * @param types command types (CREATE, UPDATE, START, STOP, DELETE, ROTATE_TOKEN, RECONCILE)
   * @param minAge only messages sent at least this long ago: 30m, 2h, 1d or ISO-8601 (PT1H)
   */
  public record Filter(
      List<String> tenants, List<String> types, List<String> messageIds, String minAge) {}

  /**
   * @param mode rederive (default) or resend
   * @param dryRun report what would happen, change nothing (200, no job)
   * @param ratePerSecond messages per second (default slipway.api.ops.default-rate)
   * @param reason why: required, kept in the audit trail
   */
  public record Replay(
      @Valid Filter filter,
      @Schema(
              enumeration = {"rederive", "resend"},
              defaultValue = "rederive")
          String mode,
      Boolean dryRun,
      @Min(value = 1, message = MAX_COUNT_RULE) @Max(value = MAX_COUNT, message = MAX_COUNT_RULE)
          Integer maxCount,
      @DecimalMin(value = MIN_RATE, message = "ratePerSecond must be at least " + MIN_RATE)
          Double ratePerSecond,
      @NotBlank(message = OpsAudit.REASON_REQUIRED)
          @Size(max = OpsAudit.MAX_REASON, message = OpsAudit.REASON_TOO_LONG)
          String reason) {}

  /**
   * @param confirm must be true: a purge deletes dead letters for good
   */
  public record Purge(
      @Valid Filter filter,
      @NotNull(message = CONFIRM_RULE) @AssertTrue(message = CONFIRM_RULE) Boolean confirm,
      @Min(value = 1, message = MAX_COUNT_RULE) @Max(value = MAX_COUNT, message = MAX_COUNT_RULE)
          Integer maxCount,
      @NotBlank(message = OpsAudit.REASON_REQUIRED)
          @Size(max = OpsAudit.MAX_REASON, message = OpsAudit.REASON_TOO_LONG)
          String reason) {}

  /**
   * @param reason why, kept in the audit trail
   */
  public record Cancel(
      @NotBlank(message = OpsAudit.REASON_REQUIRED)
          @Size(max = OpsAudit.MAX_REASON, message = OpsAudit.REASON_TOO_LONG)
          String reason) {}
}
