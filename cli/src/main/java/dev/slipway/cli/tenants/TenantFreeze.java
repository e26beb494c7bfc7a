package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Freezing (api-service README, "Freezing a tenant"): rollouts and bulk operations skip the tenant
 * and the reconciler only reports its drift. Neither call bumps the generation or queues an
 * operation, so there is nothing to wait for.
 */
final class TenantFreeze {
  private TenantFreeze() {}

  abstract static class Change implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "SLUG")
    String slug;

    @Option(
        names = "--if-match",
        paramLabel = "GENERATION",
        description = "412 if it changed since")
    String ifMatch;

    Change(Session session) {
      this.session = session;
    }

    abstract String action();

    abstract String reason();

    @Override
    public Integer call() {
      ObjectNode request = session.json().createObjectNode();
      if (reason() != null) {
        request.put("reason", reason());
      }
      JsonNode body =
          session
              .api()
              .write(
                  "POST",
                  Paths.tenant(slug) + "/" + action(),
                  request,
                  "application/json",
                  ChangeResult.headers(ifMatch, null))
              .body();
      var printer = session.printer();
      if (!printer.isTable()) {
        printer.raw(body);
        return ExitCodes.OK;
      }
      JsonNode tenant = body.has("tenant") ? body.get("tenant") : body;
      printer.row(tenant, TenantColumns.list(session.clock()));
      JsonNode frozen = tenant.path("frozen");
      printer.note(
          frozen.isObject()
              ? "frozen: " + frozen.path("reason").asText()
              : action().equals("freeze") ? "freeze requested" : "not frozen");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "freeze",
      description = "Keep rollouts, bulk operations and reconciler repairs off a tenant (admin).")
  static final class Freeze extends Change {
    @Option(names = "--reason", required = true, description = "why, e.g. customer incident 4711")
    String reason;

    Freeze(Session session) {
      super(session);
    }

    String action() {
      return "freeze";
    }

    String reason() {
      return reason;
    }
  }

  @Command(name = "unfreeze", description = "Lift a freeze (a 200 also when not frozen; admin).")
  static final class Unfreeze extends Change {
    @Option(names = "--reason", description = "why, for the audit (optional)")
    String reason;

    Unfreeze(Session session) {
      super(session);
    }

    String action() {
      return "unfreeze";
    }

    String reason() {
      return reason;
    }
  }
}
