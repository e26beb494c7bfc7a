package dev.slipway.local.kube.watch;

import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.Responses;
import io.vertx.core.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One open watch. The store calls {@link #offer} under its lock, in resourceVersion order; the
 * event is then written on the connection's context, whose task queue keeps that order. An object
 * that stops (or starts) matching the selectors is reported as DELETED (or ADDED), as a real server
 * does.
 */
public final class Watch {

  private final WatchSpec spec;
  private final WatchSink sink;
  private final Context context;
  private final String bookmarkPrefix;

  public Watch(WatchSpec spec, WatchSink sink, Context context, String kind) {
    this.spec = spec;
    this.sink = sink;
    this.context = context;
    this.bookmarkPrefix =
        "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\""
            + kind
            + "\",\"apiVersion\":\""
            + spec.path().apiVersion()
            + "\",\"metadata\":{";
  }

  public WatchSpec spec() {
    return spec;
  }

  public String type() {
    return spec.path().ref().type();
  }

  public void offer(EventLog.Entry entry) {
    boolean now = spec.matches(entry.current());
    boolean before = entry.previous() != null && spec.matches(entry.previous());
    String type =
        switch (entry.change()) {
          case ADDED -> now ? "ADDED" : null;
          case DELETED -> before ? "DELETED" : null;
          case MODIFIED -> now ? (before ? "MODIFIED" : "ADDED") : (before ? "DELETED" : null);
        };
    if (type != null) {
      send(type, entry.current().json());
    }
  }

  public void send(String type, byte[] object) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 32);
    out.writeBytes(("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(object);
    out.write('}');
    byte[] frame = out.toByteArray();
    context.runOnContext(v -> sink.send(frame));
  }

  /** A BOOKMARK: nothing of this watch's selection changed up to {@code resourceVersion}. */
  public void bookmark(long resourceVersion, boolean initialEventsEnd) {
    String annotations =
        initialEventsEnd ? ",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}" : "";
    String event =
        bookmarkPrefix + "\"resourceVersion\":\"" + resourceVersion + "\"" + annotations + "}}}";
    byte[] frame = event.getBytes(StandardCharsets.UTF_8);
    context.runOnContext(v -> sink.send(frame));
  }

  /** Sends an ERROR event with a metav1.Status, then ends the watch. */
  public void fail(int code, String reason, String message) {
    send(
        "ERROR",
        Json.write(Responses.status(code, reason, message)).getBytes(StandardCharsets.UTF_8));
    close();
  }

  public void close() {
    context.runOnContext(v -> sink.close());
  }

  public void abort() {
    context.runOnContext(v -> sink.abort());
  }
}
