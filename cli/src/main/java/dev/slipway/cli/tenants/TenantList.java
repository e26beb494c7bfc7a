package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code GET /v1/tenants}: one page, or every page with --all. */
@Command(
    name = "list",
    description = "List tenants in slug order (deleted ones only with --phase DELETED).")
final class TenantList implements Callable<Integer> {
  private final Session session;

  @Option(names = "--phase", description = "only this phase (RUNNING, STOPPED, FAILED, DELETED...)")
  String phase;

  @Option(names = "--plan", paramLabel = "NAME", description = "only this plan")
  String plan;

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "only tenants carrying this label (repeatable: all of them)")
  List<String> labels;

  @Option(names = "--limit", description = "page size (API default 50)")
  Integer limit;

  @Option(names = "--cursor", description = "the nextCursor of the previous page")
  String cursor;

  @Option(names = "--all", description = "follow nextCursor through every page")
  boolean all;

  TenantList(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    JsonNode page = fetch(cursor);
    if (all) {
      ObjectNode merged = session.json().createObjectNode();
      ArrayNode items = merged.putArray("items");
      items.addAll((ArrayNode) page.path("items"));
      while (page.hasNonNull("nextCursor")) {
        page = fetch(page.get("nextCursor").asText());
        items.addAll((ArrayNode) page.path("items"));
      }
      merged.putNull("nextCursor");
      page = merged;
    }
    session.printer().page(page, TenantColumns.list(session.clock()), "tenants");
    return ExitCodes.OK;
  }

  private JsonNode fetch(String from) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("phase", phase);
    query.put("plan", plan);
    query.put("label", labels);
    query.put("limit", limit);
    query.put("cursor", from);
    return session.api().get("v1/tenants", query).body();
  }
}
