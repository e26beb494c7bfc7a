package dev.slipway.api.rest;

/** Roles carried in the JWT {@code groups} claim. */
public final class Roles {
  /** Full access. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
