package dev.slipway.api.deadletters;

import dev.slipway.api.deadletters.OpsLookupRepository.TenantState;
import dev.slipway.api.plans.Plan;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A dry run of a replay: what a job would do with each matching dead letter right now, changing
 * nothing (the scan releases every message it received). Blocking: call from worker threads.
 */
@ApplicationScoped
public class ReplayPreview {
  private final DeadLetterScanner scanner;
  private final OpsLookupRepository lookups;
  private final DeadLetterOutcomeRepository ledger;
  private final Pool pool;

  ReplayPreview(
      DeadLetterScanner scanner,
      OpsLookupRepository lookups,
      DeadLetterOutcomeRepository ledger,
      Pool pool) {
    this.scanner = scanner;
    this.lookups = lookups;
    this.ledger = ledger;
    this.pool = pool;
  }

  /**
   * @param action rederive, resend, delete_only (already replaced) or skip
   * @param reason why it is skipped, or null
   */
  public record Planned(DeadLetter message, String action, String reason) {}

  /**
   * @param scanLimitReached the scan stopped at {@code max-scan}: the DLQ holds messages the plan
   *     did not look at (a job would go on past them)
   */
  public record Plan(List<Planned> planned, boolean scanLimitReached) {}

  public Plan plan(DeadLetterFilter filter, String mode, int maxCount) {
    Instant now = Instant.now();
    DeadLetterScanner.Scan scan = scanner.peek();
    List<DeadLetter> matching =
        scan.messages().stream().filter(m -> filter.matches(m, now)).limit(maxCount).toList();
    Set<UUID> tenants =
        matching.stream()
            .map(DeadLetter::command)
            .filter(Objects::nonNull)
            .map(c -> c.tenantId())
            .collect(java.util.stream.Collectors.toSet());
    Map<UUID, TenantState> states = lookups.tenantStates(tenants).await().indefinitely();
    Set<String> replayed =
        ledger
            .replayedAmong(pool, matching.stream().map(DeadLetter::messageId).toList())
            .await()
            .indefinitely();
    return new Plan(
        matching.stream().map(m -> decide(m, mode, states, replayed)).toList(),
        scan.limitReached());
  }

  private static Planned decide(
      DeadLetter m, String mode, Map<UUID, TenantState> states, Set<String> replayed) {
    if (m.command() == null) {
      return new Planned(m, "skip", "unreadable: " + m.unreadable());
    }
    if (replayed.contains(m.messageId())) {
      return new Planned(m, "delete_only", "already replaced by an earlier job");
    }
    if ("RESEND".equals(mode)) {
      return new Planned(m, "resend", null);
    }
    String[] skip =
        Rederive.skipReason(
            Optional.ofNullable(states.get(m.command().tenantId())), m.command().generation());
    return skip == null
        ? new Planned(m, "rederive", null)
        : new Planned(m, "skip", skip[0] + ": " + skip[1]);
  }
}
