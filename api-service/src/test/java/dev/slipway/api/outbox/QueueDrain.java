package dev.slipway.api.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Receives everything from a FIFO queue, in delivery order, deleting as it goes. */
final class QueueDrain {
  private final SqsClient sqs;
  private final String queueUrl;
  private final List<Message> received = new ArrayList<>();

  QueueDrain(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** One receive (short wait); returns how many messages of the given groups arrived so far. */
  int receive(Set<String> groups) {
    var response =
        sqs.receiveMessage(
            b ->
                b.queueUrl(queueUrl)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL));
    for (Message m : response.messages()) {
      received.add(m);
      sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
    }
    return of(groups).size();
  }

  /** Messages of the given groups (other tests share the queue), in delivery order. */
  List<Message> of(Set<String> groups) {
    return received.stream().filter(m -> groups.contains(group(m))).toList();
  }

  /**
   * Asserts every group got generations 1..perGroup exactly once and in order, and that no
   * deduplication id (operation id) arrived twice.
   */
  void assertInOrderExactlyOnce(Set<String> groups, int perGroup) throws Exception {
    Map<String, List<Long>> generations = new HashMap<>();
    Set<String> dedupIds = new HashSet<>();
    for (Message m : of(groups)) {
      CommandEnvelope command = CommandCodec.decode(m.body());
      generations.computeIfAbsent(group(m), g -> new ArrayList<>()).add(command.generation());
      assertEquals(command.commandId().toString(), dedupId(m));
      assertTrue(dedupIds.add(dedupId(m)), "delivered twice: " + dedupId(m));
    }
    List<Long> expected = new ArrayList<>();
    for (long g = 1; g <= perGroup; g++) {
      expected.add(g);
    }
    for (String group : groups) {
      assertEquals(expected, generations.get(group), "order of group " + group);
    }
  }

  static Set<String> groupsOf(List<UUID> tenants) {
    Set<String> out = new HashSet<>();
    tenants.forEach(t -> out.add(t.toString()));
    return out;
  }

  private static String group(Message m) {
    return m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
  }

  private static String dedupId(Message m) {
    return m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
  }
}
