package dev.slipway.reconciler;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.net.URI;

/**
 * URLs on the running test application's management interface (health, metrics), which listens on
 * its own free port in tests (application.properties: quarkus.management.test-port=0).
 */
public final class Management {
  private Management() {}

  /** The absolute URL of a path such as {@code /q/metrics} on the management port. */
  public static String url(String path) {
    // The test URL ends with the management root path (/q); the paths we use name it themselves.
    URI root = URI.create(TestHTTPResourceManager.getManagementUri());
    return root.resolve(path).toString();
  }
}
