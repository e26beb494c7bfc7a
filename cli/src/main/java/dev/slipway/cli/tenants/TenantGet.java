package dev.slipway.cli.tenants;

import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code GET /v1/tenants/{slug}}. */
@Command(name = "get", description = "Show one tenant: desired and observed state, conditions.")
final class TenantGet implements Callable<Integer> {
  private final Session session;

  @Parameters(paramLabel = "SLUG")
  String slug;

  TenantGet(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    var tenant = session.api().get(Paths.tenant(slug), Map.of()).body();
    session.printer().details(tenant, TenantColumns.details());
    return ExitCodes.OK;
  }
}
