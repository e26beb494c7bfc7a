package dev.slipway.cli.tenants;

import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Column;
import dev.slipway.cli.output.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code GET /v1/tenants/{slug}/events}: what happened to a tenant, newest first. */
@Command(
    name = "events",
    description =
        "A tenant's timeline, newest first: writes, operations, repairs, dead letters,"
            + " rollout steps, each with who asked.")
final class TenantEvents implements Callable<Integer> {
  private final Session session;

  @Parameters(paramLabel = "SLUG")
  String slug;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      split = ",",
      description =
          "only these kinds, repeatable: write, lifecycle, operation, repair, dead-letter,"
              + " rollout")
  List<String> kinds = new ArrayList<>();

  @Option(names = "--since", paramLabel = "TIME", description = "from this RFC 3339 time on")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "before this RFC 3339 time")
  String until;

  @Option(names = "--limit", description = "page size (API default 50)")
  Integer limit;

  @Option(names = "--cursor", description = "the nextCursor of the previous page")
  String cursor;

  TenantEvents(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Map<String, Object> query = new LinkedHashMap<>();
    // The API takes kinds repeated or comma-separated; one parameter keeps the query simple.
    query.put("kind", kinds.isEmpty() ? null : String.join(",", kinds));
    query.put("since", since);
    query.put("until", until);
    query.put("limit", limit);
    query.put("cursor", cursor);
    var page = session.api().get(Paths.tenant(slug) + "/events", query).body();
    session.printer().page(page, columns(), "events");
    return ExitCodes.OK;
  }

  static List<Column> columns() {
    return List.of(
        Column.of("AT", "at"),
        Column.of("KIND", "kind"),
        Column.of("ACTION", "action"),
        Column.of("ACTOR", "actor"),
        new Column("STATUS", TenantEvents::status),
        new Column(
            "DETAIL",
            e -> Fields.shorten(first(Fields.text(e, "reason"), Fields.text(e, "detail")), 60)));
  }

  /** An operation's status with its attempts, e.g. {@code FAILED (3 attempts)}. */
  private static String status(com.fasterxml.jackson.databind.JsonNode e) {
    String status = Fields.text(e, "status");
    String attempts = Fields.text(e, "attempts");
    return attempts.isEmpty() ? status : status + " (" + attempts + " attempts)";
  }

  private static String first(String a, String b) {
    return a.isEmpty() ? b : a;
  }
}
