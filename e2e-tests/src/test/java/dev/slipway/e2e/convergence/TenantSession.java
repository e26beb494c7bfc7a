package dev.slipway.e2e.convergence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One tenant's client: creates it, then changes it (plan, stop, start, now and then a request that
 * must be refused) and maybe deletes it, one request at a time, paced by the scheduler. Every
 * request carries a fresh Idempotency-Key and is retried with that same key until the answer is
 * definite; its effect then goes into the tenant's {@link TenantModel}.
 */
final class TenantSession {
  private final TenantModel model;
  private final Load load;
  private final Random random;
  private final int length;
  private final boolean endsDeleted;
  private final boolean refusedCreate;
  private final boolean endsRestored;
  private String resumeState;
  private int steps;

  /** What a session needs from its load generator. */
  interface Load {
    ApiClient api();

    History history();

    ScheduledExecutorService scheduler();

    boolean running();

    void ended(TenantSession session);
  }

  TenantSession(TenantModel model, Load load, Random random, boolean refusedCreate) {
    this.model = model;
    this.load = load;
    this.random = random;
    this.length = 3 + random.nextInt(8);
    this.endsDeleted = random.nextInt(100) < 40;
    this.refusedCreate = refusedCreate;
    // Of the rest, about half are deleted and restored before they end: a restore under the
    // phase's fault must bring the tenant back as it was, with the same token.
    this.endsRestored = !endsDeleted && random.nextBoolean();
  }

  void start() {
    pace();
  }

  private void pace() {
    later(this::next, 400 + random.nextInt(800));
  }

  /** Runs {@code task} on the scheduler; a bug in the session ends it instead of hanging it. */
  private void later(Runnable task, long delayMillis) {
    Runnable guarded =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            load.history().surprise("session of " + model.slug() + " failed: " + e);
            load.ended(this);
          }
        };
    load.scheduler().schedule(guarded, delayMillis, TimeUnit.MILLISECONDS);
  }

  private void next() {
    if (!model.exists()) {
      create();
    } else if (!load.running() || "DELETED".equals(model.desired())) {
      load.ended(this);
    } else if (steps++ >= length) {
      if (endsDeleted && "OFFLINE".equals(model.desired())) {
        // DELETE is a soft delete (OFFLINE, restorable); the purge removes the objects.
        String confirm = "{\"confirm\":\"%s\"}".formatted(model.slug());
        act("PURGE", "POST", "/purge", confirm, "DELETED", model.plan());
      } else if (endsDeleted) {
        act("DELETE", "DELETE", "", null, "OFFLINE", model.plan());
      } else if (endsRestored && resumeState == null) {
        resumeState = model.desired();
        act("DELETE", "DELETE", "", null, "OFFLINE", model.plan());
      } else if (endsRestored && "OFFLINE".equals(model.desired())) {
        act("RESTORE", "POST", "/restore", null, resumeState, model.plan());
      } else {
        load.ended(this);
      }
    } else {
      change();
    }
  }

  private void create() {
    String plan = Plans.NAMES.get(random.nextInt(Plans.NAMES.size()));
    if (refusedCreate) {
      String body = "{\"slug\":\"%s\",\"plan\":\"no-such-plan\"}".formatted(model.slug());
      send("CREATE(refused)", "POST", "/v1/tenants", body, this::refusedCreated);
      return;
    }
    load.history().tenant(model);
    String body = "{\"slug\":\"%s\",\"plan\":\"%s\"}".formatted(model.slug(), plan);
    send("CREATE", "POST", "/v1/tenants", body, a -> created(a, plan));
  }

  private void created(ApiClient.Answer a, String plan) {
    if (!a.ok()) {
      load.history().surprise("create of " + model.slug() + " refused: " + a.status());
      load.ended(this);
      return;
    }
    JsonNode tenant = a.body().path("tenant");
    model.created(
        UUID.fromString(tenant.path("id").asText()),
        plan,
        tenant.path("generation").asLong(),
        a.body().path("gatewayToken").asText(null));
    pace();
  }

  private void refusedCreated(ApiClient.Answer a) {
    if (a.refused()) {
      load.history().refusedCreate(model.slug());
    } else {
      load.history().surprise("create with an unknown plan acknowledged: " + model.slug());
    }
    load.ended(this);
  }

  private void change() {
    int dice = random.nextInt(100);
    String desired = model.desired();
    String plan = model.plan();
    if (dice < 30) {
      String body = "{\"plan\":\"%s\"}".formatted(Plans.other(plan));
      act("UPDATE", "PATCH", "", body, desired, Plans.other(plan));
    } else if (dice < 40) {
      // The slug is taken: a second create must be refused and must not make a second tenant.
      String body = "{\"slug\":\"%s\",\"plan\":\"%s\"}".formatted(model.slug(), plan);
      send("CREATE(duplicate)", "POST", "/v1/tenants", body, this::duplicateAnswered);
    } else if (dice < 50) {
      // Asking for the state it is in already: 200, nothing queued.
      act(
          desired.equals("RUNNING") ? "START" : "STOP",
          "POST",
          lifecyclePath(desired),
          null,
          desired,
          plan);
    } else {
      String target = desired.equals("RUNNING") ? "STOPPED" : "RUNNING";
      act(
          target.equals("RUNNING") ? "START" : "STOP",
          "POST",
          lifecyclePath(target),
          null,
          target,
          plan);
    }
  }

  private static String lifecyclePath(String target) {
    return target.equals("RUNNING") ? "/start" : "/stop";
  }

  private void duplicateAnswered(ApiClient.Answer a) {
    if (a.status() != 409) {
      load.history().surprise("second create of " + model.slug() + " answered " + a.status());
    }
    pace();
  }

  private void act(
      String action, String method, String suffix, String body, String desired, String plan) {
    long before = model.generation();
    send(
        action,
        method,
        "/v1/tenants/" + model.slug() + suffix,
        body,
        a -> {
          if (!a.ok()) {
            load.history()
                .surprise(
                    action + " of " + model.slug() + " refused: " + a.status() + " " + a.body());
          } else {
            boolean changed = a.status() == 202;
            long generation = a.body().path("tenant").path("generation").asLong();
            if (generation != before + (changed ? 1 : 0)) {
              load.history()
                  .surprise(action + " of " + model + " answered generation " + generation);
            }
            model.changed(desired, plan, generation, changed);
            if (action.equals("RESTORE")) {
              model.restored();
            }
          }
          pace();
        });
  }

  private void send(
      String action, String method, String path, String body, Consumer<ApiClient.Answer> then) {
    new DefiniteRequest(load, model, action, method, path, body, then, this::later).send();
  }
}
