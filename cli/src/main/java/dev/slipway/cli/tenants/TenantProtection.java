package dev.slipway.cli.tenants;

import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Deletion protection, a merge patch of {@code deletionProtection} (a reason, or null to clear):
 * while set, delete and purge answer 409 with the reason. It queues no operation, so there is
 * nothing to wait for.
 */
final class TenantProtection {
  private TenantProtection() {}

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

    /** The new protection: {@code {"reason": ...}}, or null to clear it. */
    abstract Object protection();

    @Override
    public Integer call() {
      Map<String, Object> patch = new HashMap<>();
      patch.put("deletionProtection", protection());
      var body =
          session
              .api()
              .write(
                  "PATCH",
                  Paths.tenant(slug),
                  patch,
                  "application/merge-patch+json",
                  ChangeResult.headers(ifMatch, null))
              .body();
      var printer = session.printer();
      if (!printer.isTable()) {
        printer.raw(body);
        return ExitCodes.OK;
      }
      printer.row(body.path("tenant"), TenantColumns.list(session.clock()));
      printer.note(
          protection() == null
              ? "deletion protection cleared"
              : "deletion protection set: " + ((Map<?, ?>) protection()).get("reason"));
      return ExitCodes.OK;
    }
  }

  @Command(name = "protect", description = "Refuse delete and purge of a tenant, with a reason.")
  static final class Protect extends Change {
    @Option(names = "--reason", required = true, description = "why, e.g. key account")
    String reason;

    Protect(Session session) {
      super(session);
    }

    Object protection() {
      return Map.of("reason", reason);
    }
  }

  @Command(name = "unprotect", description = "Allow delete and purge again.")
  static final class Unprotect extends Change {
    Unprotect(Session session) {
      super(session);
    }

    Object protection() {
      return null;
    }
  }
}
