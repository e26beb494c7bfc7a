package dev.slipway.api.deadletters;

import dev.slipway.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peeks at the dead-letter queue without consuming it.
 *
 * <p>A FIFO queue delivers no later message of a group while an earlier one is in flight, so
 * receiving one message and releasing it at once would show the same heads over and over. A scan
 * therefore holds everything it received (a short visibility, no heartbeat) until a receive brings
 * nothing new, then releases it all. What it cannot see: a group's messages behind its first batch
 * stay hidden until the earlier ones are handled (replayed or purged), and messages another scan or
 * job holds at the same moment. Every peek adds one to a message's ApproximateReceiveCount.
 */
@ApplicationScoped
public class DeadLetterScanner {
  static final Comparator<DeadLetter> SENT_ORDER =
      Comparator.comparing(
              DeadLetter::sentAt,
              Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()))
          .thenComparing(DeadLetter::messageId);

  private final DeadLetterQueue queue;
  private final ApiConfig config;

  DeadLetterScanner(DeadLetterQueue queue, ApiConfig config) {
    this.queue = queue;
    this.config = config;
  }

  /**
   * What a scan found, and whether it stopped at {@code max-scan}: then the DLQ may hold more,
   * which the scan did not look at.
   */
  public record Scan(List<DeadLetter> messages, boolean limitReached) {}

  /** Everything reachable (up to {@code max-scan} messages), in sent order; all released again. */
  public Scan peek() {
    List<DeadLetter> out = new ArrayList<>(hold());
    queue.release(out);
    out.sort(SENT_ORDER);
    return new Scan(out, out.size() >= config.ops().maxScan());
  }

  /**
   * Everything reachable (up to {@code max-scan} messages), still held: each for the scan
   * visibility from its receive. In receive order, which keeps each message group's FIFO order
   * (sent times tie within a millisecond). The caller releases them (or handles them meanwhile).
   */
  public List<DeadLetter> hold() {
    Map<String, DeadLetter> seen = new LinkedHashMap<>();
    try {
      while (seen.size() < config.ops().maxScan()) {
        if (!collect(seen, queue.receive(10, config.ops().scanVisibility()))) {
          break;
        }
      }
    } catch (RuntimeException e) {
      queue.release(new ArrayList<>(seen.values()));
      throw e;
    }
    return new ArrayList<>(seen.values());
  }

  /** Adds a batch; true when it held a message not seen before (the scan goes on). */
  static boolean collect(Map<String, DeadLetter> seen, List<DeadLetter> batch) {
    boolean fresh = false;
    for (DeadLetter m : batch) {
      DeadLetter before = seen.get(m.messageId());
      seen.put(m.messageId(), before == null ? m : before.receivedAgain(m));
      fresh |= before == null;
    }
    return fresh;
  }
}
