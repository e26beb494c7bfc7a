package dev.slipway.local.kube.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which start an image's tag gives its pods, and the crash back-off. */
class PodStartupTest {
  private final PodStartup startup = new PodStartup(Duration.ofMillis(200), Duration.ofSeconds(3));

  @Test
  void theTagChoosesTheStart() {
    assertEquals(PodStartup.Kind.CRASHLOOP, PodStartup.kindOf("ghcr.io/x/gateway:9.9.9-crashloop"));
    assertEquals(PodStartup.Kind.SLOW, PodStartup.kindOf("gateway:1.2.3-SlowStart"));
    assertEquals(PodStartup.Kind.READY, PodStartup.kindOf("gateway:1.2.3"));
    // Only the tag counts: a registry or repository named so is an ordinary image.
    assertEquals(PodStartup.Kind.READY, PodStartup.kindOf("crashloop.io:5000/slowstart/gw:1"));
    assertEquals(PodStartup.Kind.CRASHLOOP, PodStartup.kindOf("gw:crashloop@sha256:abc"));
    assertEquals(Duration.ofSeconds(3), startup.firstDelay("gw:2-slowstart"));
    assertEquals(Duration.ofMillis(200), startup.firstDelay("gw:2"));
  }

  @Test
  void theBackoffDoublesUpToFiveMinutes() {
    assertEquals(Duration.ofMillis(400), startup.backoff(1));
    assertEquals(Duration.ofMillis(800), startup.backoff(2));
    assertEquals(PodStartup.MAX_BACKOFF, startup.backoff(40));
    assertEquals(Duration.ofMillis(200), new PodStartup(Duration.ZERO, Duration.ZERO).backoff(1));
  }
}
