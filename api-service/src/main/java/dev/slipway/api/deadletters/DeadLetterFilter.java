package dev.slipway.api.deadletters;

import dev.slipway.common.model.OperationType;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Which dead letters an ops action applies to; an empty set or null age matches everything. Stored
 * as the job's filter (JSON), so tenants are kept as resolved ids, never slugs that could be
 * reused.
 *
 * @param tenantIds tenant ids (message groups)
 * @param types command types; an unreadable message has none and matches only an empty set
 * @param messageIds SQS message ids
 * @param minAgeSeconds only messages sent at least this long ago; null for any age
 */
public record DeadLetterFilter(
    Set<String> tenantIds, Set<OperationType> types, Set<String> messageIds, Long minAgeSeconds) {

  public DeadLetterFilter {
    tenantIds = tenantIds == null ? Set.of() : Set.copyOf(tenantIds);
    types = types == null ? Set.of() : Set.copyOf(types);
    messageIds = messageIds == null ? Set.of() : Set.copyOf(messageIds);
  }

  public static DeadLetterFilter all() {
    return new DeadLetterFilter(null, null, null, null);
  }

  public boolean matches(DeadLetter m, Instant now) {
    if (!tenantIds.isEmpty() && !tenantIds.contains(m.groupId())) {
      return false;
    }
    if (!types.isEmpty() && (m.command() == null || !types.contains(m.command().type()))) {
      return false;
    }
    if (!messageIds.isEmpty() && !messageIds.contains(m.messageId())) {
      return false;
    }
    return minAgeSeconds == null
        || (m.sentAt() != null
            && !m.sentAt().isAfter(now.minus(Duration.ofSeconds(minAgeSeconds))));
  }
}
