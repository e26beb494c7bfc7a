package dev.slipway.api.deadletters;

import dev.slipway.api.deadletters.OpsLookupRepository.Failure;
import dev.slipway.api.http.Cursors;
import dev.slipway.api.http.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code GET /v1/ops/dead-letters}: a scan of the DLQ in sent order, filtered, paged with a cursor
 * over (sent time, message id), each item joined with its operation's last error. Every page scans
 * again, so a page reflects the queue as it is now. Blocking: call from worker threads.
 */
@ApplicationScoped
public class DeadLetterListing {
  private final DeadLetterScanner scanner;
  private final OpsLookupRepository lookups;

  DeadLetterListing(DeadLetterScanner scanner, OpsLookupRepository lookups) {
    this.scanner = scanner;
    this.lookups = lookups;
  }

  /**
   * One page, and whether the scan behind it stopped at {@code max-scan} (the DLQ holds messages
   * that no page shows until earlier ones are replayed or purged).
   */
  public record Listed(Page<DeadLetterItem> page, int scanned, boolean scanLimitReached) {}

  public Listed list(DeadLetterFilter filter, String cursor, int limit) {
    Position after = cursor == null ? null : Position.decode(cursor);
    Instant now = Instant.now();
    DeadLetterScanner.Scan scan = scanner.peek();
    List<DeadLetter> rows =
        scan.messages().stream()
            .filter(m -> filter.matches(m, now))
            .filter(m -> after == null || after.before(m))
            .limit(limit + 1L)
            .toList();
    Page<DeadLetter> page = Page.of(rows, limit, Position::cursorOf);
    return new Listed(
        new Page<>(withFailures(page.items(), now), page.nextCursor()),
        scan.messages().size(),
        scan.limitReached());
  }

  /** Joins each message with its operation's status and last error (one query per page). */
  List<DeadLetterItem> withFailures(List<DeadLetter> messages, Instant now) {
    List<UUID> ids =
        messages.stream()
            .map(DeadLetter::command)
            .filter(Objects::nonNull)
            .map(c -> c.commandId())
            .toList();
    Map<UUID, Failure> failures = lookups.failures(ids).await().indefinitely();
    return messages.stream()
        .map(
            m ->
                DeadLetterItem.of(
                    m, m.command() == null ? null : failures.get(m.command().commandId()), now))
        .toList();
  }

  /** Keyset position: sent time in epoch milliseconds, then message id. */
  private record Position(long sentMillis, String messageId) {
    static String cursorOf(DeadLetter m) {
      return Cursors.encode(Long.toString(millis(m)), m.messageId());
    }

    static Position decode(String cursor) {
      List<String> parts = Cursors.decode(cursor, 2).orElseThrow(() -> Cursors.badCursor(cursor));
      try {
        return new Position(Long.parseLong(parts.get(0)), parts.get(1));
      } catch (NumberFormatException e) {
        throw Cursors.badCursor(cursor);
      }
    }

    boolean before(DeadLetter m) {
      int byTime = Long.compare(sentMillis, millis(m));
      return byTime < 0 || (byTime == 0 && messageId.compareTo(m.messageId()) < 0);
    }

    private static long millis(DeadLetter m) {
      return m.sentAt() == null ? Long.MIN_VALUE : m.sentAt().toEpochMilli();
    }
  }
}
