package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.util.List;

/**
 * {@code --label tier=beta}: a tenant's labels as key=value, as kubectl writes them; on a patch
 * {@code --label tier-} removes one (the merge patch's null). The API checks the syntax (a 422
 * names the label).
 */
final class LabelSettings {
  private LabelSettings() {}

  /**
   * @param removals whether {@code key-} may remove a label (a patch; a create has none to remove)
   */
  static ObjectNode parse(List<String> labels, boolean removals, ObjectMapper json) {
    ObjectNode out = json.createObjectNode();
    for (String label : labels) {
      int eq = label.indexOf('=');
      if (eq > 0) {
        out.put(label.substring(0, eq), label.substring(eq + 1));
      } else if (removals && label.length() > 1 && label.endsWith("-") && eq < 0) {
        out.putNull(label.substring(0, label.length() - 1));
      } else {
        throw new CliException(
            ExitCodes.USAGE,
            "--label takes key=value"
                + (removals ? " (or key- to remove it)" : "")
                + ", not '"
                + label
                + "'");
      }
    }
    return out;
  }
}
