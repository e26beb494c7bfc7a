package dev.slipway.shared.health;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads a queue's message counts: the one SQS probe behind the services' queue health checks and
 * the reconciler's lost-message check. Each call is one GetQueueAttributes.
 */
public final class QueueProbe {
  private static final List<QueueAttributeName> COUNTS =
      List.of(
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

  private final SqsClient sqs;
  private final String url;

  public QueueProbe(SqsClient sqs, String url) {
    this.sqs = sqs;
    this.url = url;
  }

  /**
   * What the queue holds (approximate, as SQS counts); throws what the SDK throws when the queue
   * does not answer.
   */
  public Counts counts() {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(COUNTS)).attributes();
    return new Counts(
        count(attributes, COUNTS.get(0)),
        count(attributes, COUNTS.get(1)),
        count(attributes, COUNTS.get(2)));
  }

  /** Up with the counts while the queue answers, down with the error's type when it does not. */
  public HealthCheckResponse health(String name) {
    var builder = HealthCheckResponse.named(name);
    try {
      Counts counts = counts();
      return builder
          .up()
          .withData("approximateMessages", counts.visible())
          .withData("approximateMessagesNotVisible", counts.inFlight())
          .build();
    } catch (RuntimeException e) {
      return builder.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }

  /** -1 when the queue did not report the attribute. */
  private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    try {
      return Long.parseLong(attributes.getOrDefault(name, "-1"));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * @param visible messages waiting to be received
   * @param inFlight messages received and not yet deleted
   * @param delayed messages not yet visible because of a delay
   */
  public record Counts(long visible, long inFlight, long delayed) {
    /** True only when the queue reported all three counts and all are zero. */
    public boolean empty() {
      return visible == 0 && inFlight == 0 && delayed == 0;
    }
  }
}
