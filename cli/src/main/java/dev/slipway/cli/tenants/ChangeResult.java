package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Printer;
import java.util.Map;

/**
 * Shows the answer of a change ({@code {tenant, operation, gatewayToken}}: api-service
 * TenantCreatedView and TenantChangedView) and, with --wait, follows the tenant until it settles.
 */
final class ChangeResult {
  private ChangeResult() {}

  static int show(Session session, JsonNode body, WatchOptions watch, boolean wait) {
    Printer printer = session.printer();
    JsonNode tenant = body.path("tenant");
    JsonNode op = body.path("operation");
    if (printer.isTable()) {
      printer.row(tenant, TenantColumns.list(session.clock()));
      if (op.isObject()) {
        printer.note(
            "operation "
                + op.path("id").asText()
                + " "
                + op.path("type").asText()
                + " "
                + op.path("status").asText());
      } else {
        // A stop of a stopped tenant, or a change of labels only: nothing for the worker to apply.
        printer.note(
            "no operation: nothing for the workload to change (the tenant is "
                + tenant.path("desiredState").asText()
                + ")");
      }
      if (body.hasNonNull("gatewayToken")) {
        printer.note("gateway token (shown only now): " + body.get("gatewayToken").asText());
      }
    } else {
      printer.raw(body); // even with --wait: the gateway token is in no later answer
    }
    if (!wait) {
      return ExitCodes.OK;
    }
    return watch.watcher(session).tenant(tenant.path("slug").asText(), false);
  }

  /** Headers of a write: If-Match when given (a bare generation is quoted as the ETag is). */
  static Map<String, String> headers(String ifMatch, String idempotencyKey) {
    var headers = new java.util.HashMap<String, String>();
    if (ifMatch != null) {
      headers.put("If-Match", ifMatch.startsWith("\"") ? ifMatch : "\"" + ifMatch + "\"");
    }
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    return headers;
  }
}
