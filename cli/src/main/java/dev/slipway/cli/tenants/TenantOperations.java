package dev.slipway.cli.tenants;

import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code GET /v1/tenants/{slug}/operations}, newest first. */
@Command(
    name = "operations",
    description = "A tenant's operations, newest first, with their last error.")
final class TenantOperations implements Callable<Integer> {
  private final Session session;

  @Parameters(paramLabel = "SLUG")
  String slug;

  @Option(names = "--limit")
  Integer limit;

  @Option(names = "--cursor")
  String cursor;

  TenantOperations(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("limit", limit);
    query.put("cursor", cursor);
    var page = session.api().get(Paths.tenant(slug) + "/operations", query).body();
    session.printer().page(page, TenantColumns.operations(), "operations");
    return ExitCodes.OK;
  }
}
