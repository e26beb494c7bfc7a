package dev.slipway.cli.config;

import java.net.URI;

/**
 * Where the tool talks to and with which token, and where each came from (shown by {@code config
 * view}, never the token itself).
 */
public record Target(URI apiUrl, String token, String apiUrlSource, String tokenSource) {}
