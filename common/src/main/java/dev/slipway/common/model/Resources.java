package dev.slipway.common.model;

import java.util.regex.Pattern;

/**
 * CPU and memory requests and limits of the gateway container, as Kubernetes quantities.
 *
 * @param cpuRequest e.g. {@code 50m}
 * @param memoryRequest e.g. {@code 64Mi}
 * @param cpuLimit e.g. {@code 250m}
 * @param memoryLimit e.g. {@code 256Mi}
 */
public record Resources(
    String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {

  // A subset of the Kubernetes quantity grammar: plain numbers with an optional SI/binary suffix.
  // Catching a typo here beats a 422 from the API server in the middle of an apply.
  private static final Pattern QUANTITY =
      Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?");

  public Resources {
    requireQuantity(cpuRequest, "cpuRequest");
    requireQuantity(memoryRequest, "memoryRequest");
    requireQuantity(cpuLimit, "cpuLimit");
    requireQuantity(memoryLimit, "memoryLimit");
  }

  /** The seed manifest's requests and limits (seed 000). */
  public static Resources seedDefault() {
    return new Resources("50m", "64Mi", "250m", "256Mi");
  }

  private static void requireQuantity(String value, String name) {
    if (value == null || !QUANTITY.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " is not a Kubernetes quantity: " + value);
    }
  }
}
