package dev.slipway.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-process "client" of the emulator: it hands synthetic requests straight to the dispatcher.
 * The controller uses it instead of HTTP so it pays no socket or websocket cost, yet every write
 * still goes through the same handlers, locks and watch notifications as an external client's.
 */
final class LocalApi {

  static final String JSON = "application/json";
  static final String MERGE_PATCH = "application/merge-patch+json";

  private final Dispatcher dispatcher;

  LocalApi(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Sends one request; the response body is left unread. */
  MockResponse send(HttpMethod method, String path, String contentType, String body) {
    Headers.Builder headers = Headers.builder();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    RecordedRequest request =
        new RecordedRequest("HTTP/1.1", method, path, headers.build(), new Buffer(bytes));
    return dispatcher.dispatch(request);
  }

  /** The object at {@code path}, or null when it does not exist. */
  JsonNode get(String path) {
    MockResponse response = send(HttpMethod.GET, path, null, null);
    return response.code() == 200 ? Json.parse(body(response)) : null;
  }

  List<JsonNode> list(String path) {
    JsonNode list = get(path);
    List<JsonNode> items = new ArrayList<>();
    if (list != null) {
      list.path("items").forEach(items::add);
    }
    return items;
  }

  /** Creates an object in a collection; returns the stored object, or null on any failure. */
  JsonNode create(String collectionPath, JsonNode object) {
    MockResponse response = send(HttpMethod.POST, collectionPath, JSON, Json.write(object));
    return response.code() == 201 ? Json.parse(body(response)) : null;
  }

  /** Replaces an object (or its status, for a {@code /status} path); returns the HTTP code. */
  int put(String path, JsonNode object) {
    return send(HttpMethod.PUT, path, JSON, Json.write(object)).code();
  }

  void delete(String path) {
    send(HttpMethod.DELETE, path, null, null);
  }

  static String body(MockResponse response) {
    Buffer body = response.getBody();
    return body == null ? "" : new String(body.getBytes(), StandardCharsets.UTF_8);
  }
}
