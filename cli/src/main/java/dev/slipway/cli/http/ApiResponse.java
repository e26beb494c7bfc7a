package dev.slipway.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A successful answer: status, the Location and ETag headers when sent, and the JSON body. */
public record ApiResponse(int status, Optional<String> location, JsonNode body) {}
