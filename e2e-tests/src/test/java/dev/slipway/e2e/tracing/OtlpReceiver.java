package dev.slipway.e2e.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP trace receiver ({@code POST /v1/traces}, {@code application/x-protobuf}) in
 * the test's process, standing in for the collector a deployment names in {@code
 * SLIPWAY_TRACING_OTLP_ENDPOINT}: it keeps every span the services export, with the {@code
 * service.name} of the process that sent it. It answers 200 with an empty
 * ExportTraceServiceResponse (an empty protobuf message is zero bytes), and 400 to a body it cannot
 * read, which the test then sees as missing spans and in {@link #refused()}.
 */
public final class OtlpReceiver implements AutoCloseable {
  private static final String PATH = "/v1/traces";
  private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
  private final HttpServer server;

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free loopback port. */
  public static OtlpReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    OtlpReceiver receiver = new OtlpReceiver(server);
    server.createContext(PATH, receiver::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return receiver;
  }

  /** The base URL to configure as the OTLP endpoint (the exporter appends {@code /v1/traces}). */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every span received so far. */
  public List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  public List<ReceivedSpan> spans(Predicate<ReceivedSpan> filter) {
    return spans.stream().filter(filter).toList();
  }

  public List<ReceivedSpan> ofTrace(String traceId) {
    return spans(s -> s.traceId().equals(traceId));
  }

  /** Why requests were refused (wrong method or path, unreadable body); empty when none was. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        reject(exchange, 405, exchange.getRequestMethod() + " " + exchange.getRequestURI());
        return;
      }
      byte[] body;
      try (InputStream in = body(exchange)) {
        body = in.readAllBytes();
      }
      try {
        spans.addAll(OtlpTraceRequest.parse(body));
      } catch (IOException | RuntimeException e) {
        reject(exchange, 400, "unreadable OTLP body: " + e);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    InputStream raw = exchange.getRequestBody();
    return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(raw) : raw;
  }

  private void reject(HttpExchange exchange, int status, String why) throws IOException {
    refused.add(why);
    exchange.sendResponseHeaders(status, -1);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
