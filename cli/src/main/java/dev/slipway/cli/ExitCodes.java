package dev.slipway.cli;

/**
 * The process exit codes, one per class of error, so scripts can branch on them. Documented in
 * cli/README.md; keep both in step.
 */
public final class ExitCodes {
  public static final int OK = 0;

  /** Bad flags or arguments, unknown command, nothing configured to talk to. */
  public static final int USAGE = 1;

  /** 404: the tenant, operation or job does not exist (or the token may not see it). */
  public static final int NOT_FOUND = 2;

  /** 409 or 412: the request clashes with the current state, or If-Match is stale. */
  public static final int CONFLICT = 3;

  /** 400, 413, 415 or 422: the API refused the request as invalid. */
  public static final int INVALID = 4;

  /** 401 or 403: no valid token, an expired one, or a role that lacks the right. */
  public static final int AUTH = 5;

  /** The API could not be reached, timed out, was overloaded (429, 503) or failed (5xx). */
  public static final int UNAVAILABLE = 6;

  /** A watch ended in failure (tenant FAILED, operation FAILED, job failed) or timed out. */
  public static final int WATCH_FAILED = 7;

  /** A defect of the tool itself (please report it with the command line). */
  public static final int INTERNAL = 10;

  private ExitCodes() {}

  /** The exit code of an HTTP error status. */
  public static int ofStatus(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 409, 412 -> CONFLICT;
      case 400, 413, 415, 422 -> INVALID;
      case 401, 403 -> AUTH;
      default -> status >= 400 && status < 500 && status != 429 ? INVALID : UNAVAILABLE;
    };
  }
}
