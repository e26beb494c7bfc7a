package dev.slipway.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;

/**
 * Write requests the emulator answers differently from the mock: merge patches (RFC 7386 instead of
 * Jackson's array-merging update) and Secrets whose {@code stringData} must become data.
 */
final class PatchRewrites {

  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String STRATEGIC_PATCH = "application/strategic-merge-patch+json";

  private final StoreWriter writer;

  PatchRewrites(StoreWriter writer) {
    this.writer = writer;
  }

  /**
   * Strategic merge patches without {@code $} directives are plain merge patches (true for kubectl
   * label/annotate/rollout restart); ones with directives go to the mock, which answers 415 as
   * before.
   */
  static boolean isMergePatch(String contentType, byte[] body) {
    if (contentType == null) {
      return false;
    }
    if (contentType.startsWith(MERGE_PATCH)) {
      return true;
    }
    return contentType.startsWith(STRATEGIC_PATCH)
        && !new String(body, StandardCharsets.UTF_8).contains("\"$");
  }

  MockResponse mergePatch(String plainPath, byte[] body) {
    JsonNode patch = parseOrNull(new String(body, StandardCharsets.UTF_8));
    if (patch == null) {
      return Responses.error(400, "BadRequest", "unparseable merge patch");
    }
    if (patch instanceof ObjectNode patchObject && plainPath.contains("/secrets/")) {
      SecretData.fold(patchObject);
    }
    // A resourceVersion in the patch is the client's precondition: its conflict is not retried.
    boolean pinned = !patch.path("metadata").path("resourceVersion").isMissingNode();
    return writer.update(
        plainPath, stored -> (ObjectNode) MergePatch.apply(stored, patch), null, !pinned);
  }

  /** Rewrites a Secret body whose stringData must become data; other requests pass as they are. */
  static RecordedRequest withFoldedSecret(RecordedRequest request, String plainPath) {
    if (!plainPath.contains("/secrets")) {
      return request;
    }
    String text = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    if (!text.contains("stringData") || !(parseOrNull(text) instanceof ObjectNode secret)) {
      return request;
    }
    SecretData.fold(secret);
    byte[] folded = Json.write(secret).getBytes(StandardCharsets.UTF_8);
    return new RecordedRequest(
        request.getHttpVersion(),
        request.method(),
        request.getPath(),
        request.getHeaders(),
        new Buffer(folded));
  }

  /** Unparseable bodies go on to the mock, which reports them the way it always has. */
  private static JsonNode parseOrNull(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
