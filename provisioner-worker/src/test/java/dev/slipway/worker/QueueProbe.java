package dev.slipway.worker;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Looks into a real queue without taking messages away from the worker; counts come from the
 * services' own probe ({@link dev.slipway.shared.health.QueueProbe}).
 */
public final class QueueProbe {
  private final SqsClient sqs;
  private final String url;

  public QueueProbe(SqsClient sqs, String url) {
    this.sqs = sqs;
    this.url = url;
  }

  /**
   * Whether a visible message's body contains {@code text}. Receives with visibility 0, so what it
   * sees stays visible; the shared dead-letter queue holds other tests' messages too.
   */
  public boolean contains(String text) {
    for (Message message :
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0))
            .messages()) {
      if (message.body().contains(text)) {
        return true;
      }
    }
    return false;
  }

  public int visible() {
    return (int) counts().visible();
  }

  public int inFlight() {
    return (int) counts().inFlight();
  }

  private dev.slipway.shared.health.QueueProbe.Counts counts() {
    return new dev.slipway.shared.health.QueueProbe(sqs, url).counts();
  }
}
