package dev.slipway.api.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupPrefixTest {

  private static PendingCommand row(long id, String group) {
    return new PendingCommand(id, "op-" + id, group, "{}");
  }

  private static List<Long> ids(List<PendingCommand> rows) {
    return rows.stream().map(PendingCommand::id).toList();
  }

  @Test
  void publishesEveryClaimedRowWhenNothingEarlierIsPending() {
    var claimed = List.of(row(1, "a"), row(2, "b"), row(3, "a"));
    var pending = Map.of("a", List.of(1L, 3L), "b", List.of(2L));
    assertEquals(List.of(1L, 2L, 3L), ids(GroupPrefix.publishable(claimed, pending)));
  }

  @Test
  void holdsBackAGroupWhoseEarlierRowAnotherRelayHolds() {
    // Row 1 of group a is held elsewhere (pending, not claimed here): a's rows 3 and 5 wait.
    var claimed = List.of(row(2, "b"), row(3, "a"), row(5, "a"));
    var pending = Map.of("a", List.of(1L, 3L, 5L), "b", List.of(2L));
    assertEquals(List.of(2L), ids(GroupPrefix.publishable(claimed, pending)));
  }

  @Test
  void stopsAtTheFirstGapWithinAGroup() {
    // This relay holds a's rows 1 and 4, another relay holds a's row 2: only 1 may go.
    var claimed = List.of(row(1, "a"), row(3, "b"), row(4, "a"));
    var pending = Map.of("a", List.of(1L, 2L, 4L), "b", List.of(3L));
    assertEquals(List.of(1L, 3L), ids(GroupPrefix.publishable(claimed, pending)));
  }

  @Test
  void publishesNothingOfAGroupAlreadySentMeanwhile() {
    // Another relay sent and committed the claimed row's predecessors: only pending rows count.
    var claimed = List.of(row(7, "a"));
    var pending = Map.of("a", List.of(7L));
    assertEquals(List.of(7L), ids(GroupPrefix.publishable(claimed, pending)));
  }
}
