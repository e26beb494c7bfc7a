package dev.slipway.worker.config;

import dev.slipway.shared.fleet.FleetConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The tenant namespaces this worker serves ({@code slipway.fleet.namespaces}), checked when the
 * worker starts, so a bad list stops the start rather than the first command.
 */
@ApplicationScoped
@Startup
public class TenantNamespaces {
  private final List<String> namespaces;

  TenantNamespaces(FleetConfig fleet) {
    this.namespaces = fleet.checkedNamespaces();
  }

  /** Every served namespace, the default first. */
  public List<String> all() {
    return namespaces;
  }

  /**
   * Fails (transiently: an operator fixes it by adding the namespace to the worker's list, and the
   * command is retried, at worst replayed from the DLQ) when a tenant's recorded namespace is not
   * served here. Applying there anyway would leave the tenant without status, since no informer
   * watches it, and most likely fail on RBAC.
   */
  public void requireServed(String namespace) {
    if (!namespaces.contains(namespace)) {
      throw new NamespaceNotServedException(
          "tenant namespace '%s' is not one of this worker's (slipway.fleet.namespaces: %s)"
              .formatted(namespace, String.join(",", namespaces)));
    }
  }

  /** A tenant recorded in a namespace the worker is not configured for. */
  public static final class NamespaceNotServedException extends IllegalStateException {
    NamespaceNotServedException(String message) {
      super(message);
    }
  }
}
