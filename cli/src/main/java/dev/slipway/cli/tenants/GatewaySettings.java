package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.util.List;

/**
 * {@code --gateway requestsPerSecond=800}: gateway limits as key=value, numbers sent as numbers.
 * The API validates names and bounds (a 422 names the field).
 */
final class GatewaySettings {
  private GatewaySettings() {}

  static ObjectNode parse(List<String> settings, ObjectMapper json) {
    ObjectNode config = json.createObjectNode();
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new CliException(ExitCodes.USAGE, "--gateway takes key=value, not '" + s + "'");
      }
      String key = s.substring(0, eq);
      String value = s.substring(eq + 1);
      try {
        config.put(key, Long.parseLong(value));
      } catch (NumberFormatException e) {
        config.put(key, value);
      }
    }
    return config;
  }
}
