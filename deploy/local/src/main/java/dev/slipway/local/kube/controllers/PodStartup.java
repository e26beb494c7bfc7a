package dev.slipway.local.kube.controllers;

import java.time.Duration;
import java.util.Locale;

/**
 * How an emulated pod starts, chosen by the tag of its first container's image, so rollouts can be
 * tested against failing and slow gateways: a tag containing {@code crashloop} never becomes Ready
 * (its container exits and is restarted with the kubelet's doubling back-off, CrashLoopBackOff); a
 * tag containing {@code slowstart} becomes Ready after {@code slowStartDelay}; any other after
 * {@code readyDelay}.
 *
 * @param readyDelay how long a pod stays Pending before it turns Ready; also the first crash of a
 *     crashloop pod, and the base of its back-off
 * @param slowStartDelay how long a slowstart pod stays Pending
 */
public record PodStartup(Duration readyDelay, Duration slowStartDelay) {
  /** The kubelet's longest back-off between restarts of a crashing container. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);

  /** What happens to a new pod of {@code image}. */
  public enum Kind {
    READY,
    SLOW,
    CRASHLOOP
  }

  public static Kind kindOf(String image) {
    String tag = tagOf(image).toLowerCase(Locale.ROOT);
    if (tag.contains("crashloop")) {
      return Kind.CRASHLOOP;
    }
    return tag.contains("slowstart") ? Kind.SLOW : Kind.READY;
  }

  /** The delay before a pod of {@code image} turns Ready (or first crashes). */
  public Duration firstDelay(String image) {
    return kindOf(image) == Kind.SLOW ? slowStartDelay : readyDelay;
  }

  /**
   * The wait before restart number {@code restarts + 1} of a crashing container: the ready delay
   * doubled per restart so far (at least 100 ms), at most five minutes, as the kubelet backs off
   * (10 s doubling there; scaled to the emulator's delay so tests see restarts grow quickly).
   */
  public Duration backoff(int restarts) {
    Duration base = readyDelay.compareTo(MIN_BACKOFF) < 0 ? MIN_BACKOFF : readyDelay;
    Duration d = base.multipliedBy(1L << Math.min(restarts, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  /** The tag of an image reference ({@code repo:tag} or {@code repo:tag@digest}); "" for none. */
  static String tagOf(String image) {
    if (image == null) {
      return "";
    }
    int at = image.indexOf('@');
    String name = at >= 0 ? image.substring(0, at) : image;
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "";
  }
}
