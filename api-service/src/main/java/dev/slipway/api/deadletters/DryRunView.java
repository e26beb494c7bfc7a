package dev.slipway.api.deadletters;

import dev.slipway.api.deadletters.ReplayPreview.Planned;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay would do now; nothing was changed.
 *
 * @param counts planned messages by action (rederive, resend, delete_only, skip)
 * @param scanLimitReached the scan stopped at {@code slipway.api.ops.max-scan} messages, so the DLQ
 *     may hold more that this plan did not look at; the job itself goes on past them
 */
public record DryRunView(
    boolean dryRun,
    String mode,
    int total,
    Map<String, Integer> counts,
    List<Item> items,
    boolean scanLimitReached) {

  /**
   * @param action rederive, resend, delete_only (already replaced: only the DLQ copy would go) or
   *     skip
   */
  public record Item(
      String messageId,
      String tenantId,
      String type,
      Long generation,
      String action,
      String reason) {}

  static DryRunView of(String mode, ReplayPreview.Plan plan) {
    List<Planned> planned = plan.planned();
    Map<String, Integer> counts = new TreeMap<>();
    planned.forEach(p -> counts.merge(p.action(), 1, Integer::sum));
    List<Item> items =
        planned.stream()
            .map(
                p -> {
                  var c = p.message().command();
                  return new Item(
                      p.message().messageId(),
                      p.message().groupId(),
                      c == null ? null : c.type().name(),
                      c == null ? null : c.generation(),
                      p.action(),
                      p.reason());
                })
            .toList();
    return new DryRunView(
        true,
        mode.toLowerCase(java.util.Locale.ROOT),
        items.size(),
        counts,
        items,
        plan.scanLimitReached());
  }
}
