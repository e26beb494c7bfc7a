package dev.slipway.api.deadletters;

import dev.slipway.api.deadletters.OpsLookupRepository.Failure;
import java.time.Duration;
import java.time.Instant;

/**
 * A dead letter as ops see it: the message and, from the database, why its operation failed.
 *
 * @param failure status and last error of the command's operation; null when unknown
 * @param age from the message being sent to the command queue until the scan
 */
public record DeadLetterItem(DeadLetter message, Failure failure, Duration age) {

  static DeadLetterItem of(DeadLetter m, Failure failure, Instant now) {
    return new DeadLetterItem(
        m, failure, m.sentAt() == null ? Duration.ZERO : Duration.between(m.sentAt(), now));
  }
}
