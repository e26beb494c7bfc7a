package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.config.Target;
import dev.slipway.cli.http.ApiError;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Base64;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one readable message on stderr and its documented exit code (ExitCodes):
 * usage errors with a pointer to --help, API problems as title, status and detail, and a 401 with
 * what is wrong with the token when the tool can tell.
 */
final class ErrorReporter
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private final Session session;

  ErrorReporter(Session session) {
    this.session = session;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("Error: " + e.getMessage());
    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    int code;
    if (e instanceof CliException c) {
      err.println("Error: " + c.getMessage() + authHint(c));
      code = c.exitCode();
    } else {
      err.println("Error: unexpected " + e);
      if (session.env().containsKey("SLIPWAY_CLI_DEBUG")) {
        e.printStackTrace(err);
      }
      code = ExitCodes.INTERNAL;
    }
    err.flush();
    return code;
  }

  private String authHint(CliException e) {
    Target target = session.targetIfKnown();
    if (!(e instanceof ApiError api) || api.problem().status() != 401 || target == null) {
      return "";
    }
    if (target.token() == null) {
      return "\n  no token configured: pass --token, set SLIPWAY_TOKEN or use a context with one";
    }
    Instant expiry = expiry(target.token());
    if (expiry != null && expiry.isBefore(session.clock().instant())) {
      return "\n  the token (from " + target.tokenSource() + ") expired at " + expiry;
    }
    return "\n  the API refused the token from " + target.tokenSource();
  }

  /** The {@code exp} claim, read without verifying (only to explain a 401); null if unreadable. */
  Instant expiry(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      JsonNode claims = session.json().readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims.has("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
