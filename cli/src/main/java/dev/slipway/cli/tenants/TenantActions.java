package dev.slipway.cli.tenants;

import dev.slipway.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** start, stop, rotate-token and delete: one request each, same options, same answer shape. */
final class TenantActions {
  private TenantActions() {}

  abstract static class Action implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "SLUG")
    String slug;

    @Option(
        names = "--if-match",
        paramLabel = "GENERATION",
        description = "412 if it changed since")
    String ifMatch;

    @Option(
        names = "--idempotency-key",
        paramLabel = "KEY",
        description = "default: a fresh one per invocation")
    String idempotencyKey;

    @Option(names = "--wait", description = "follow the tenant until it settles")
    boolean wait;

    @Mixin WatchOptions watch;

    Action(Session session) {
      this.session = session;
    }

    abstract String method();

    abstract String suffix();

    @Override
    public Integer call() {
      var response =
          session
              .api()
              .write(
                  method(),
                  Paths.tenant(slug) + suffix(),
                  null,
                  null,
                  ChangeResult.headers(ifMatch, idempotencyKey));
      return ChangeResult.show(session, response.body(), watch, wait);
    }
  }

  @Command(name = "start", description = "Start a stopped tenant (scale to its replicas).")
  static final class Start extends Action {
    Start(Session session) {
      super(session);
    }

    String method() {
      return "POST";
    }

    String suffix() {
      return "/start";
    }
  }

  @Command(name = "stop", description = "Stop a tenant (scale to zero, objects kept).")
  static final class Stop extends Action {
    Stop(Session session) {
      super(session);
    }

    String method() {
      return "POST";
    }

    String suffix() {
      return "/stop";
    }
  }

  @Command(name = "rotate-token", description = "Issue a new gateway token (shown only now).")
  static final class RotateToken extends Action {
    RotateToken(Session session) {
      super(session);
    }

    String method() {
      return "POST";
    }

    String suffix() {
      return "/rotate-token";
    }
  }

  @Command(name = "delete", description = "Remove a tenant's objects (the record stays, DELETED).")
  static final class Delete extends Action {
    Delete(Session session) {
      super(session);
    }

    String method() {
      return "DELETE";
    }

    String suffix() {
      return "";
    }
  }
}
