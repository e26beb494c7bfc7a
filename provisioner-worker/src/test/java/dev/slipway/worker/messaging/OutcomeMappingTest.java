package dev.slipway.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.model.OperationStatus;
import dev.slipway.worker.converge.Convergence;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutcomeMappingTest {

  @Test
  void convergedAlreadyDoneAndFailedDeleteTheMessage() {
    assertEquals(
        Outcome.ack(Outcome.SUCCEEDED), CommandProcessor.outcome(new Convergence.Converged(false)));
    assertEquals(
        Outcome.ack(Outcome.SUPERSEDED), CommandProcessor.outcome(new Convergence.Converged(true)));
    assertEquals(
        Outcome.ack(Outcome.ALREADY_DONE),
        CommandProcessor.outcome(new Convergence.AlreadyDone(OperationStatus.SUCCEEDED)));
    assertEquals(
        Outcome.ack(Outcome.PERMANENT), CommandProcessor.outcome(new Convergence.Failed("bad")));
  }

  @Test
  void retryLaterHidesTheMessageForItsDelayInWholeSeconds() {
    assertEquals(
        Outcome.retry(Outcome.TRANSIENT, 8),
        CommandProcessor.outcome(new Convergence.RetryLater("429", Duration.ofSeconds(8))));
    // SQS takes whole seconds; a sub-second delay still hides the message for one.
    assertEquals(
        Outcome.retry(Outcome.TRANSIENT, 1),
        CommandProcessor.outcome(new Convergence.RetryLater("429", Duration.ofMillis(300))));
  }

  @Test
  void aCommandOutOfAttemptsIsDeadLetteredOrRetriedInASecondShouldTheMoveFail() {
    Outcome outcome = CommandProcessor.outcome(new Convergence.Exhausted("500", 10));
    assertEquals(Outcome.deadLetter(Outcome.EXHAUSTED, 1), outcome);
    assertEquals(Outcome.Kind.DEAD_LETTER, outcome.kind());
  }
}
