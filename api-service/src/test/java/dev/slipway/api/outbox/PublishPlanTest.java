package dev.slipway.api.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishPlanTest {

  private static PendingCommand row(long id, String group) {
    return new PendingCommand(id, "op-" + id, group, "{}");
  }

  @Test
  void packsDistinctGroupsTenPerRequest() {
    List<PendingCommand> rows = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      rows.add(row(i, "g" + i));
    }
    var requests = PublishPlan.requests(rows);
    assertEquals(List.of(10, 10, 5), requests.stream().map(List::size).toList());
    assertEquals(1L, requests.get(0).get(0).id());
    assertEquals(25L, requests.get(2).get(4).id());
  }

  @Test
  void sendsAGroupsRowsInIdOrderOnePerRequest() {
    var rows = List.of(row(1, "a"), row(2, "a"), row(3, "b"), row(4, "a"), row(5, "c"));
    var requests = PublishPlan.requests(rows);
    assertEquals(
        List.of(List.of(1L, 3L, 5L), List.of(2L), List.of(4L)),
        requests.stream().map(r -> r.stream().map(PendingCommand::id).toList()).toList());
  }

  @Test
  void keepsEveryRowExactlyOnceAndEachGroupInOrder() {
    List<PendingCommand> rows = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      rows.add(row(i, "g" + (i * 7 % 4)));
    }
    Map<String, Long> last = new HashMap<>();
    var seen = new HashSet<Long>();
    for (List<PendingCommand> request : PublishPlan.requests(rows)) {
      assertTrue(request.size() <= 10);
      assertEquals(
          request.size(), request.stream().map(PendingCommand::groupId).distinct().count());
      for (PendingCommand c : request) {
        assertTrue(seen.add(c.id()));
        assertTrue(last.getOrDefault(c.groupId(), 0L) < c.id(), "order within " + c.groupId());
        last.put(c.groupId(), c.id());
      }
    }
    assertEquals(100, seen.size());
  }
}
