package dev.slipway.api.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which claimed rows a relay may publish without breaking FIFO order within a message
 * group.
 *
 * <p>With {@code FOR UPDATE SKIP LOCKED} several relays claim rows side by side, so a relay can
 * hold a group's third row while another relay holds its second. Publishing the third first would
 * reorder the tenant's commands. So a claimed row is publishable only if every earlier pending row
 * of its group is claimed by this relay too: per group, the contiguous prefix of its pending rows
 * that this relay holds. Rows after a gap stay pending for a later round. Progress is guaranteed:
 * whoever holds a group's first pending row can always publish it.
 */
final class GroupPrefix {
  private GroupPrefix() {}

  /**
   * @param claimed rows this relay locked, in id order
   * @param pendingByGroup for every group in {@code claimed}, the ids of its pending (unsent) rows
   *     up to the last claimed id, in id order, whoever holds them
   * @return the publishable rows, in id order
   */
  static List<PendingCommand> publishable(
      List<PendingCommand> claimed, Map<String, List<Long>> pendingByGroup) {
    Set<Long> held = new HashSet<>();
    claimed.forEach(c -> held.add(c.id()));
    Set<Long> allowed = new HashSet<>();
    pendingByGroup.values().forEach(ids -> allowed.addAll(heldPrefix(ids, held)));
    List<PendingCommand> out = new ArrayList<>();
    for (PendingCommand c : claimed) {
      if (allowed.contains(c.id())) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<Long> heldPrefix(List<Long> pendingIds, Set<Long> held) {
    int end = 0;
    while (end < pendingIds.size() && held.contains(pendingIds.get(end))) {
      end++;
    }
    return pendingIds.subList(0, end);
  }
}
