package dev.slipway.common.command;

/**
 * A queue message that cannot be understood: unparseable, missing fields, or of a version this
 * build does not know. Such a message is never retried into success, so consumers leave it for the
 * dead-letter queue.
 */
public class InvalidCommandException extends Exception {
  private final boolean unknownVersion;

  public InvalidCommandException(String message, boolean unknownVersion, Throwable cause) {
    super(message, cause);
    this.unknownVersion = unknownVersion;
  }

  public boolean isUnknownVersion() {
    return unknownVersion;
  }
}
