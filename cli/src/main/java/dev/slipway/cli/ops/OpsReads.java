package dev.slipway.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The read-only ops views: reconcile runs, capacity and cost, the audit trail. */
final class OpsReads {
  private OpsReads() {}

  /** A paged listing with --limit and --cursor. */
  abstract static class Paged implements Callable<Integer> {
    final Session session;

    @Option(names = "--limit")
    Integer limit;

    @Option(names = "--cursor")
    String cursor;

    Paged(Session session) {
      this.session = session;
    }

    JsonNode fetch(String path) {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("limit", limit);
      query.put("cursor", cursor);
      return session.api().get(path, query).body();
    }
  }

  @Command(
      name = "reconcile-runs",
      description = "The reconciler's recent passes: drift found, repairs.")
  static final class ReconcileRuns extends Paged {
    ReconcileRuns(Session session) {
      super(session);
    }

    @Override
    public Integer call() {
      session
          .printer()
          .page(fetch("v1/ops/reconcile-runs"), OpsColumns.RECONCILE_RUNS, "reconcile runs");
      return ExitCodes.OK;
    }
  }

  @Command(name = "audit", description = "Who replayed, purged or cancelled what, newest first.")
  static final class Audit extends Paged {
    Audit(Session session) {
      super(session);
    }

    @Override
    public Integer call() {
      session.printer().page(fetch("v1/ops/audit"), OpsColumns.AUDIT, "audit records");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "capacity",
      description = "What the fleet asks of the cluster and its monthly cost.")
  static final class Capacity implements Callable<Integer> {
    private final Session session;

    Capacity(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      JsonNode report = session.api().get("v1/ops/capacity", Map.of()).body();
      var printer = session.printer();
      printer.details(report, OpsColumns.CAPACITY);
      if (printer.isTable() && !report.path("tenants").isEmpty()) {
        printer.out().println();
        printer.out().print(Table.render(OpsColumns.CAPACITY_TENANTS, report.path("tenants")));
        printer.out().flush();
      }
      return ExitCodes.OK;
    }
  }
}
