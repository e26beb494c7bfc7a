package dev.slipway.worker.apply;

/** What one apply or delete did to one object. */
public enum ApplyResult {
  CREATED,
  PATCHED,
  UNCHANGED,
  DELETED,
  /** Asked to delete an object that was not there. */
  ABSENT;

  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
