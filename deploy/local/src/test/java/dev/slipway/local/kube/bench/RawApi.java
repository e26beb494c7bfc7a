package dev.slipway.local.kube.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link BenchApi} over bare HTTP/1.1 (one keep-alive socket per client thread) with JSON made by
 * text substitution: shows what the server sustains when the client neither builds, serializes nor
 * parses model objects, and costs next to no CPU itself.
 */
final class RawApi implements BenchApi {

  private static final String RESOURCE_VERSION = "\"resourceVersion\":\"";
  private static final String JSON = "application/json";

  private final String host;
  private final int port;
  private final String collection;
  private final List<RawConnection> connections = new CopyOnWriteArrayList<>();
  private final ThreadLocal<RawConnection> connection = ThreadLocal.withInitial(this::connect);

  private final String token;

  RawApi(String url, String token) {
    this.token = token;
    URI uri = URI.create(url);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.collection = "/apis/apps/v1/namespaces/" + BenchObjects.NAMESPACE + "/deployments";
  }

  public String create(int i) {
    return version(send("POST", "", JSON, BenchObjects.json(i, 1), 201));
  }

  public String replace(int i, int revision, String resourceVersion) {
    String json =
        BenchObjects.json(i, revision)
            .replaceFirst(
                "\"metadata\":\\{", "\"metadata\":{" + RESOURCE_VERSION + resourceVersion + "\",");
    return version(send("PUT", "/" + BenchObjects.name(i), JSON, json, 200));
  }

  public String patch(int i, int revision) {
    String patch = BenchObjects.annotationPatch(revision);
    return version(
        send("PATCH", "/" + BenchObjects.name(i), "application/merge-patch+json", patch, 200));
  }

  public String apply(int i, int revision) {
    String path = "/" + BenchObjects.name(i) + "?fieldManager=slipway&force=true";
    String body = BenchObjects.json(i, revision);
    return version(send("PATCH", path, "application/apply-patch+yaml", body, 200));
  }

  public void delete(int i) {
    send("DELETE", "/" + BenchObjects.name(i), null, null, 200);
  }

  public void get(int i) {
    send("GET", "/" + BenchObjects.name(i), null, null, 200);
  }

  public int list(String group) {
    String query = group == null ? "" : "?labelSelector=group%3D" + group;
    return send("GET", query, null, null, 200).length;
  }

  public int listPaged(int limit) {
    int bytes = 0;
    String next = null;
    do {
      String query = "?limit=" + limit + (next == null ? "" : "&continue=" + next);
      byte[] body = send("GET", query, null, null, 200);
      bytes += body.length;
      next = continueToken(body);
    } while (next != null);
    return bytes;
  }

  /** The page's continue token, found in the text without parsing (base64url: no escaping). */
  private static String continueToken(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
    int at = head.indexOf("\"continue\":\"");
    if (at < 0) {
      return null;
    }
    int from = at + "\"continue\":\"".length();
    String token = head.substring(from, head.indexOf('"', from));
    return token.isEmpty() ? null : token;
  }

  @Override
  public void close() {
    connections.forEach(RawConnection::close);
  }

  private RawConnection connect() {
    RawConnection opened = new RawConnection(host, port).withToken(token);
    connections.add(opened);
    return opened;
  }

  private byte[] send(String method, String path, String contentType, String body, int code) {
    RawConnection.Response response =
        connection.get().exchange(method, collection + path, contentType, body);
    if (response.status() != code) {
      throw new IllegalStateException(
          "HTTP " + response.status() + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  /** The object's resourceVersion, found in the response text without parsing it. */
  private static String version(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int start = text.indexOf(RESOURCE_VERSION) + RESOURCE_VERSION.length();
    return text.substring(start, text.indexOf('"', start));
  }
}
