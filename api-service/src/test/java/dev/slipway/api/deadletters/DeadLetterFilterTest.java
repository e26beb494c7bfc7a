package dev.slipway.api.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.jobs.Pacer;
import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Filter matching, age parsing and batch sizing: the pure parts of dead-letter operations. */
class DeadLetterFilterTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final UUID TENANT = UUID.randomUUID();

  @Test
  void everyGivenCriterionNarrowsTheSelection() {
    DeadLetter stop =
        message(CommandCodec.encode(command(OperationType.STOP)), NOW.minusSeconds(600));
    assertTrue(DeadLetterFilter.all().matches(stop, NOW));
    assertTrue(filter(Set.of(TENANT.toString()), Set.of(), null).matches(stop, NOW));
    assertFalse(filter(Set.of(UUID.randomUUID().toString()), Set.of(), null).matches(stop, NOW));
    assertTrue(filter(Set.of(), Set.of(OperationType.STOP), null).matches(stop, NOW));
    assertFalse(filter(Set.of(), Set.of(OperationType.CREATE), null).matches(stop, NOW));
    assertTrue(filter(Set.of(), Set.of(), 600L).matches(stop, NOW));
    assertFalse(filter(Set.of(), Set.of(), 601L).matches(stop, NOW));
  }

  @Test
  void anUnreadableBodyIsListedAsSuchAndMatchesNoType() {
    DeadLetter junk = message("{not json", NOW);
    assertEquals(null, junk.command());
    assertEquals("message body is not JSON", junk.unreadable());
    assertFalse(filter(Set.of(), Set.of(OperationType.CREATE), null).matches(junk, NOW));
    assertTrue(filter(Set.of(TENANT.toString()), Set.of(), null).matches(junk, NOW));
    assertFalse(junk.toString().contains("not json"), "never the body in logs");
  }

  @Test
  void agesAreShortFormsOrIso8601() {
    assertEquals(90, FilterResolver.age("90s", "minAge", true));
    assertEquals(1800, FilterResolver.age("30m", "minAge", true));
    assertEquals(86400, FilterResolver.age("1d", "minAge", true));
    assertEquals(3600, FilterResolver.age("PT1H", "minAge", true));
    ApiException bad =
        assertThrows(ApiException.class, () -> FilterResolver.age("soon", "f", false));
    assertEquals(422, bad.status());
    assertEquals("f", bad.errors().get(0).field());
  }

  @Test
  void aBatchIsWhatTheRateHandlesInHalfTheHoldTime() {
    assertEquals(10, Pacer.batchSize(null, 30));
    assertEquals(10, Pacer.batchSize(50.0, 30));
    assertEquals(3, Pacer.batchSize(0.2, 30));
    assertEquals(1, Pacer.batchSize(0.1, 10));
  }

  private static DeadLetterFilter filter(Set<String> tenants, Set<OperationType> types, Long age) {
    return new DeadLetterFilter(tenants, types, Set.of(), age);
  }

  private static CommandEnvelope command(OperationType type) {
    return CommandEnvelope.of(UUID.randomUUID(), type, TENANT, "acme", 2, NOW, Map.of());
  }

  private static DeadLetter message(String body, Instant sent) {
    return DeadLetter.of(
        Message.builder()
            .messageId(UUID.randomUUID().toString())
            .receiptHandle("r")
            .body(body)
            .attributes(
                Map.of(
                    MessageSystemAttributeName.MESSAGE_GROUP_ID, TENANT.toString(),
                    MessageSystemAttributeName.SENT_TIMESTAMP, Long.toString(sent.toEpochMilli()),
                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "5"))
            .build());
  }
}
