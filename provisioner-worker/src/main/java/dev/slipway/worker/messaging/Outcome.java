package dev.slipway.worker.messaging;

/**
 * What to do with a message after processing: delete it, make it visible again later (a retry), or
 * move it to the dead-letter queue (unreadable, or out of attempts). {@code visibilitySeconds} of a
 * dead letter is its retry delay should the move fail.
 */
public record Outcome(Kind kind, String tag, int visibilitySeconds) {

  public enum Kind {
    ACK,
    RETRY,
    DEAD_LETTER
  }

  public static Outcome ack(String tag) {
    return new Outcome(Kind.ACK, tag, 0);
  }

  public static Outcome retry(String tag, int visibilitySeconds) {
    return new Outcome(Kind.RETRY, tag, visibilitySeconds);
  }

  public static Outcome deadLetter(String tag, int visibilitySeconds) {
    return new Outcome(Kind.DEAD_LETTER, tag, visibilitySeconds);
  }

  public static final String SUCCEEDED = "succeeded";
  public static final String ALREADY_DONE = "already_done";
  public static final String SUPERSEDED = "superseded";
  public static final String PERMANENT = "permanent";
  public static final String TRANSIENT = "transient";
  public static final String INVALID = "invalid";
  public static final String EXHAUSTED = "exhausted";
  public static final String FORGED = "forged";
}
