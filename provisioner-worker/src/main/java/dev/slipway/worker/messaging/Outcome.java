package dev.slipway.worker.messaging;

/**
 * What to do with a message after processing: delete it, or make it visible again later (a retry,
 * or an unreadable message on its way to the dead-letter queue).
 */
public record Outcome(Kind kind, String tag, int visibilitySeconds) {

  public enum Kind {
    ACK,
    RETRY
  }

  public static Outcome ack(String tag) {
    return new Outcome(Kind.ACK, tag, 0);
  }

  public static Outcome retry(String tag, int visibilitySeconds) {
    return new Outcome(Kind.RETRY, tag, visibilitySeconds);
  }

  public static final String SUCCEEDED = "succeeded";
  public static final String ALREADY_DONE = "already_done";
  public static final String SUPERSEDED = "superseded";
  public static final String PERMANENT = "permanent";
  public static final String TRANSIENT = "transient";
  public static final String INVALID = "invalid";
  public static final String FORGED = "forged";
}
