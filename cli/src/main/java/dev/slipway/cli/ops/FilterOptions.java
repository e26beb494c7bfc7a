package dev.slipway.cli.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which dead letters (api-service OpsRequests.Filter): every given option narrows. */
final class FilterOptions {
  @Option(names = "--tenant", paramLabel = "ID|SLUG", description = "repeatable")
  List<String> tenants = new ArrayList<>();

  @Option(names = "--type", paramLabel = "TYPE", description = "CREATE, STOP... (repeatable)")
  List<String> types = new ArrayList<>();

  @Option(names = "--message-id", paramLabel = "ID", description = "repeatable")
  List<String> messageIds = new ArrayList<>();

  @Option(
      names = "--min-age",
      paramLabel = "AGE",
      description = "sent at least this long ago: 30m, 2h, 1d")
  String minAge;

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode filter = json.createObjectNode();
    if (!tenants.isEmpty()) {
      tenants.forEach(filter.putArray("tenants")::add);
    }
    if (!types.isEmpty()) {
      types.forEach(filter.putArray("types")::add);
    }
    if (!messageIds.isEmpty()) {
      messageIds.forEach(filter.putArray("messageIds")::add);
    }
    if (minAge != null) {
      filter.put("minAge", minAge);
    }
    return filter;
  }
}
