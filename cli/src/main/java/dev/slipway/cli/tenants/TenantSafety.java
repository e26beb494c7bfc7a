package dev.slipway.cli.tenants;

import dev.slipway.cli.Session;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The admin lifecycle commands after a delete, and suspension (api-service TenantSafetyResource):
 * one POST each, answered like every change ({@link ChangeResult}). The API decides what the
 * tenant's state allows; its 409 says why and becomes the conflict exit code.
 */
final class TenantSafety {
  private TenantSafety() {}

  abstract static class Post implements Callable<Integer> {
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

    Post(Session session) {
      this.session = session;
    }

    abstract String suffix();

    /** The request body, or null for none. */
    abstract Map<String, Object> body();

    @Override
    public Integer call() {
      Map<String, Object> body = body();
      var response =
          session
              .api()
              .write(
                  "POST",
                  Paths.tenant(slug) + suffix(),
                  body,
                  body == null ? null : "application/json",
                  ChangeResult.headers(ifMatch, idempotencyKey));
      return ChangeResult.show(session, response.body(), watch, wait);
    }
  }

  @Command(
      name = "restore",
      description =
          "Bring a deleted tenant back as it was (same id, token, plan), within its grace"
              + " period.")
  static final class Restore extends Post {
    Restore(Session session) {
      super(session);
    }

    String suffix() {
      return "/restore";
    }

    Map<String, Object> body() {
      return null;
    }
  }

  @Command(
      name = "purge",
      description = "Remove a deleted tenant for good now; --confirm repeats its slug.")
  static final class Purge extends Post {
    @Option(
        names = "--confirm",
        required = true,
        paramLabel = "SLUG",
        description = "the tenant's slug again: a purge cannot be undone")
    String confirm;

    Purge(Session session) {
      super(session);
    }

    String suffix() {
      return "/purge";
    }

    Map<String, Object> body() {
      return Map.of("confirm", confirm);
    }
  }

  /** suspend and resume: an admin decision with a reason, for the audit and the tenant's view. */
  abstract static class WithReason extends Post {
    @Option(names = "--reason", required = true, description = "why, e.g. non-payment")
    String reason;

    WithReason(Session session) {
      super(session);
    }

    Map<String, Object> body() {
      Map<String, Object> body = new HashMap<>();
      body.put("reason", reason);
      return body;
    }
  }

  @Command(
      name = "suspend",
      description = "Take a tenant offline; its own token can no longer start it.")
  static final class Suspend extends WithReason {
    Suspend(Session session) {
      super(session);
    }

    String suffix() {
      return "/suspend";
    }
  }

  @Command(name = "resume", description = "End a suspension: back to the state it had.")
  static final class Resume extends WithReason {
    Resume(Session session) {
      super(session);
    }

    String suffix() {
      return "/resume";
    }
  }
}
