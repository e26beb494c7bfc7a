package dev.slipway.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CommandGroup;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Printer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ops dead-letters list|replay|purge}: /v1/ops/dead-letters (see api-service README, Ops).
 */
@Command(
    name = "dead-letters",
    description = "Commands the worker gave up on: list them with why, replay or purge them.",
    subcommands = {
      DeadLettersCommand.ListDeadLetters.class,
      DeadLettersCommand.Replay.class,
      DeadLettersCommand.Purge.class
    })
final class DeadLettersCommand extends CommandGroup {

  @Command(
      name = "list",
      description = "Peek at dead letters, oldest first, with the failure reason.")
  static final class ListDeadLetters implements Callable<Integer> {
    private final Session session;
    @Mixin FilterOptions filter;

    @Option(names = "--limit")
    Integer limit;

    @Option(names = "--cursor")
    String cursor;

    ListDeadLetters(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("tenant", filter.tenants);
      query.put("type", filter.types);
      query.put("minAge", filter.minAge);
      query.put("limit", limit);
      query.put("cursor", cursor);
      JsonNode page = session.api().get("v1/ops/dead-letters", query).body();
      session.printer().page(page, OpsColumns.DEAD_LETTERS, "dead letters");
      if (page.path("scanLimitReached").asBoolean() && session.printer().isTable()) {
        session.err().println("The scan stopped at its limit: the DLQ may hold more than shown.");
        session.err().flush();
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "replay",
      description = "Replay dead letters as a paced job (--dry-run: only the plan).")
  static final class Replay implements Callable<Integer> {
    private final Session session;
    @Mixin FilterOptions filter;

    @Option(names = "--mode", description = "rederive (default) or resend")
    String mode;

    @Option(names = "--dry-run", description = "show what would happen, change nothing")
    boolean dryRun;

    @Option(names = "--max-count", description = "stop after this many (API default 1000)")
    Integer maxCount;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "messages per second")
    Double rate;

    @Option(names = "--reason", description = "why (required by the API, kept in the audit)")
    String reason;

    @Option(names = "--watch", description = "follow the job with a progress bar")
    boolean watch;

    Replay(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      ObjectNode body = session.json().createObjectNode();
      body.set("filter", filter.toJson(session.json()));
      body.put("mode", mode).put("reason", reason).put("maxCount", maxCount);
      body.put("ratePerSecond", rate);
      if (dryRun) {
        body.put("dryRun", true);
      }
      JsonNode answer = JobStart.post(session, "v1/ops/dead-letters/replay", body);
      if (dryRun) {
        Printer printer = session.printer();
        printer.page(answer, OpsColumns.DRY_RUN, "matching dead letters");
        printer.note("dry run, nothing changed: " + answer.path("counts"));
        return ExitCodes.OK;
      }
      return JobStart.show(session, answer, watch);
    }
  }

  @Command(name = "purge", description = "Delete matching dead letters for good (needs --yes).")
  static final class Purge implements Callable<Integer> {
    private final Session session;
    @Mixin FilterOptions filter;

    @Option(names = "--yes", description = "confirm: a purge cannot be undone")
    boolean yes;

    @Option(names = "--max-count")
    Integer maxCount;

    @Option(names = "--reason", description = "why (required by the API, kept in the audit)")
    String reason;

    @Option(names = "--watch", description = "follow the job with a progress bar")
    boolean watch;

    Purge(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      ObjectNode body = session.json().createObjectNode();
      body.set("filter", filter.toJson(session.json()));
      body.put("confirm", yes).put("reason", reason).put("maxCount", maxCount);
      return JobStart.show(
          session, JobStart.post(session, "v1/ops/dead-letters/purge", body), watch);
    }
  }
}
