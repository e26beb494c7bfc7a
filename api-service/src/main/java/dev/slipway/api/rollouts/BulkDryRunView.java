package dev.slipway.api.rollouts;

import java.util.List;

/**
 * What a bulk operation would do, written nowhere: its waves' tenants, the tenants it matched but
 * would skip, and the confirmation it needs.
 *
 * @param total the tenants it would change: the number {@code confirm} repeats
 * @param confirmRequired whether it runs only with {@code "confirm": total}
 */
public record BulkDryRunView(
    boolean dryRun,
    String action,
    int total,
    boolean confirmRequired,
    List<DryRunView.Wave> waves,
    List<Skipped> skipped) {

  /** A matched tenant the operation leaves alone, and why (frozen, protected from deletion). */
  public record Skipped(String slug, String reason) {}
}
