package dev.slipway.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.function.UnaryOperator;

/**
 * Read-modify-write on the mock's store. The store's lock is private to the mock, so a computed
 * write cannot be atomic; instead each write carries the resourceVersion it was computed from and
 * is retried on 409, like a real API server retries its own internal updates.
 */
final class StoreWriter {

  private static final int ATTEMPTS = 10;

  private final LocalApi raw;

  /**
   * @param raw an API that reaches the plain CRUD dispatcher, below the emulator's rewrites
   */
  StoreWriter(LocalApi raw) {
    this.raw = raw;
  }

  LocalApi raw() {
    return raw;
  }

  /**
   * Replaces the object at {@code path} with {@code change.apply(stored)}. When the result equals
   * the stored object nothing is written and the stored object comes back unchanged, with its
   * resourceVersion. Missing object: 404, or a create when {@code createIfMissing} is given.
   *
   * @param retryConflicts false when the caller pinned a resourceVersion: its conflict is real
   */
  MockResponse update(
      String path,
      UnaryOperator<ObjectNode> change,
      UnaryOperator<ObjectNode> createIfMissing,
      boolean retryConflicts) {
    MockResponse last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      MockResponse current = raw.send(HttpMethod.GET, path, null, null);
      if (current.code() == 404) {
        if (createIfMissing == null) {
          return Responses.error(404, "NotFound", "not found: " + path);
        }
        last = create(path, createIfMissing.apply(null));
      } else {
        last = replace(path, LocalApi.body(current), change);
      }
      if (last.code() != 409 || !retryConflicts) {
        return last;
      }
    }
    return last;
  }

  private MockResponse create(String objectPath, ObjectNode object) {
    return raw.send(HttpMethod.POST, Paths.parent(objectPath), LocalApi.JSON, Json.write(object));
  }

  private MockResponse replace(String path, String storedBody, UnaryOperator<ObjectNode> change) {
    JsonNode stored = Json.parse(storedBody);
    ObjectNode desired = change.apply(((ObjectNode) stored).deepCopy());
    if (desired.equals(stored)) {
      return Responses.json(200, storedBody);
    }
    MockResponse put = raw.send(HttpMethod.PUT, path, LocalApi.JSON, Json.write(desired));
    return put.code() == 200 ? Responses.json(200, LocalApi.body(put)) : put;
  }
}
