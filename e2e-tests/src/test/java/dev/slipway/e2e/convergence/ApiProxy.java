package dev.slipway.e2e.convergence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of the API that can lose one reply: armed with an action, it waits for the
 * next write request (POST, PATCH, DELETE) the API acknowledges (2xx), runs the action (kill -9 of
 * the API) and drops the client's connection instead of passing the answer on. The change is
 * committed (the API answers only after its commit), the process that committed it is gone and the
 * client saw a dropped connection: a crash between commit and reply, as a client lives it. HTTP/1.1
 * without pipelining: a connection's next bytes from the API answer its last request.
 */
final class ApiProxy implements AutoCloseable {
  private static final Pattern KEY = Pattern.compile("(?im)^Idempotency-Key:\\s*(\\S+)");
  private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]+ /\\S* HTTP/1\\.1\r\n");
  private final int upstreamPort;
  private final ServerSocket server;
  private final AtomicReference<Runnable> armed = new AtomicReference<>();
  private final List<String> interceptedKeys = new CopyOnWriteArrayList<>();

  ApiProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept, "api-proxy");
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Loses the reply to the next acknowledged write, running {@code action} when it arrives. */
  void interceptNextWrite(Runnable action) {
    armed.set(action);
  }

  /** Idempotency keys of the requests whose reply was lost, in order. */
  List<String> interceptedKeys() {
    return List.copyOf(interceptedKeys);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        daemon(() -> connect(client), "api-proxy-connection");
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void connect(Socket client) {
    Socket upstream;
    try {
      upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
    } catch (IOException e) {
      close(client, null); // the API is down: the client sees its connection dropped
      return;
    }
    Connection c = new Connection(client, upstream);
    daemon(c::requests, "api-proxy-requests");
    c.replies();
  }

  /** One client connection and its own connection to the API. */
  private final class Connection {
    private final Socket client;
    private final Socket upstream;
    private volatile String pendingWrite; // the key of the write whose reply is awaited

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void requests() {
      pump(client, upstream, true);
    }

    void replies() {
      pump(upstream, client, false);
    }

    private void pump(Socket from, Socket to, boolean requests) {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream();
          OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
          if (requests) {
            if (REQUEST_LINE.matcher(chunk).lookingAt()) { // not the rest of a body
              pendingWrite = writeKey(chunk);
            }
          } else if (intercepted(chunk)) {
            return; // finally: both sockets closed, the reply never reaches the client
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side went away: close both
      } finally {
        close(client, upstream);
      }
    }

    /** The Idempotency-Key of a write request, "?" without one; null for other requests. */
    private static String writeKey(String chunk) {
      boolean write =
          chunk.startsWith("POST ") || chunk.startsWith("PATCH ") || chunk.startsWith("DELETE ");
      if (!write) {
        return null;
      }
      Matcher key = KEY.matcher(chunk);
      return key.find() ? key.group(1) : "?";
    }

    /**
     * Only a 2xx reply to a write is lost (a refusal committed nothing); the armed action runs
     * before the connection drops.
     */
    private boolean intercepted(String reply) {
      String key = pendingWrite;
      pendingWrite = null;
      if (key == null || !reply.startsWith("HTTP/1.1 2")) {
        return false;
      }
      Runnable action = armed.getAndSet(null);
      if (action == null) {
        return false;
      }
      interceptedKeys.add(key);
      action.run();
      return true;
    }
  }

  private static void close(Socket a, Socket b) {
    for (Socket s : new Socket[] {a, b}) {
      try {
        if (s != null) {
          s.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
