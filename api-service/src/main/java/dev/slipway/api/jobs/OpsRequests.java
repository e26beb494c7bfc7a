package dev.slipway.api.jobs;

import java.util.List;

/** Request bodies of the ops endpoints. Unknown fields are refused (400), like everywhere. */
public final class OpsRequests {
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
      Filter filter,
      String mode,
      Boolean dryRun,
      Integer maxCount,
      Double ratePerSecond,
      String reason) {}

  /**
   * @param confirm must be true: a purge deletes dead letters for good
   */
  public record Purge(Filter filter, Boolean confirm, Integer maxCount, String reason) {}

  public record Cancel(String reason) {}
}
