package dev.slipway.api.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * Splits publishable rows into SendMessageBatch requests of at most 10 entries, holding at most one
 * entry per message group each.
 *
 * <p>Why one per group: SQS answers a batch entry by entry, so entry 3 can fail while entry 4
 * succeeds. If both belonged to one tenant, the retried entry 3 would land behind entry 4. With one
 * entry per group per request, and publishing stopped at the first failed request, a group's rows
 * reach the queue in id order or not at all. Requests are filled greedily in id order, so a backlog
 * spread over many tenants still goes out 10 at a time.
 */
final class PublishPlan {
  static final int SQS_BATCH_LIMIT = 10;

  private PublishPlan() {}

  static List<List<PendingCommand>> requests(List<PendingCommand> rows) {
    LinkedList<PendingCommand> left = new LinkedList<>(rows);
    List<List<PendingCommand>> requests = new ArrayList<>();
    while (!left.isEmpty()) {
      requests.add(nextRequest(left));
    }
    return requests;
  }

  /** Takes the next request's rows out of {@code left}: the earliest row of distinct groups. */
  private static List<PendingCommand> nextRequest(LinkedList<PendingCommand> left) {
    List<PendingCommand> request = new ArrayList<>();
    Set<String> groups = new HashSet<>();
    Iterator<PendingCommand> it = left.iterator();
    while (it.hasNext() && request.size() < SQS_BATCH_LIMIT) {
      PendingCommand row = it.next();
      if (groups.add(row.groupId())) {
        request.add(row);
        it.remove();
      }
    }
    return request;
  }
}
