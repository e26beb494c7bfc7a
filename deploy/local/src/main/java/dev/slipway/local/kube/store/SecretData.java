package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/** Folds a Secret's write-only {@code stringData} into base64 {@code data}, as the API does. */
public final class SecretData {

  private SecretData() {}

  /**
   * Moves every {@code stringData} entry into {@code data} (stringData wins on equal keys) and
   * removes {@code stringData}. Works on whole Secrets and on merge patches alike.
   *
   * @return true when the node was changed
   */
  public static boolean fold(ObjectNode node) {
    JsonNode stringData = node.get("stringData");
    if (stringData == null) {
      return false;
    }
    node.remove("stringData");
    if (!stringData.isObject()) {
      return true;
    }
    ObjectNode data = Json.child(node, "data");
    Base64.Encoder encoder = Base64.getEncoder();
    for (Iterator<Map.Entry<String, JsonNode>> it = stringData.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byte[] raw = entry.getValue().asText().getBytes(StandardCharsets.UTF_8);
      data.put(entry.getKey(), encoder.encodeToString(raw));
    }
    return true;
  }
}
