package dev.slipway.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Printer;
import java.util.Map;

/** Starting a replay or purge job (202 with the job) and showing it, or following it. */
final class JobStart {
  private JobStart() {}

  static JsonNode post(Session session, String path, ObjectNode body) {
    // Absent options are left out, so the API's defaults apply.
    body.remove(
        body.properties().stream()
            .filter(e -> e.getValue().isNull())
            .map(Map.Entry::getKey)
            .toList());
    return session.api().write("POST", path, body, "application/json", Map.of()).body();
  }

  static int show(Session session, JsonNode job, boolean watch) {
    Printer printer = session.printer();
    if (watch) {
      printer.note("job " + job.path("id").asText() + " started");
      return new JobWatcher(session).follow(job.path("id").asText());
    }
    printer.row(job, OpsColumns.JOB);
    printer.note("follow it: slipway-cli ops jobs watch " + job.path("id").asText());
    return ExitCodes.OK;
  }
}
