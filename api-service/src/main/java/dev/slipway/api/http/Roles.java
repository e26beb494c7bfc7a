package dev.slipway.api.http;

/** Roles carried in the JWT {@code groups} claim. */
public final class Roles {
  /** Everything. */
  public static final String ADMIN = "admin";

  /** Read everything and use the ops endpoints; never sees or changes tenant secrets. */
  public static final String OPS = "ops";

  /**
   * One tenant's own client: read, start, stop and rotate the tenant whose id is in the token's
   * {@link #TENANT_CLAIM} claim. Anything else answers as if it did not exist (404).
   */
  public static final String TENANT = "tenant";

  /** Claim naming the tenant (its id, which, unlike a slug, is never reused) a token may act on. */
  public static final String TENANT_CLAIM = "tenant";

  private Roles() {}
}
