package dev.slipway.api.rest;

/** Body of {@code POST /v1/tenants}. */
public record CreateTenantRequest(String slug) {}
