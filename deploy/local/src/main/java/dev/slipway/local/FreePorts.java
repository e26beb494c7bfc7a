package dev.slipway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port selection for the local stack. */
final class FreePorts {
  private FreePorts() {}

  /** The fixed port when asked for one (failing clearly if taken), else any free port. */
  static int choose(boolean fixed, int port, String what) {
    if (!fixed) {
      return any();
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return port;
    } catch (IOException e) {
      throw new IllegalStateException(
          what + " port " + port + " is in use: is another local stack running?", e);
    }
  }

  static int any() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
