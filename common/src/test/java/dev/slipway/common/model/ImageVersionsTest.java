package dev.slipway.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageVersionsTest {

  @ParameterizedTest
  @CsvSource({
    "ghcr.io/slipway/gateway:1.0.0, 2.0.1, ghcr.io/slipway/gateway:2.0.1",
    "ghcr.io/slipway/gateway, 2.0.1, ghcr.io/slipway/gateway:2.0.1",
    "registry:5000/gateway:1.0, v3, registry:5000/gateway:v3",
    "registry:5000/gateway, v3, registry:5000/gateway:v3",
    "ghcr.io/slipway/gateway@sha256:abc, 1.1, ghcr.io/slipway/gateway:1.1"
  })
  void pinReplacesTheTagOnly(String platform, String version, String expected) {
    assertEquals(expected, ImageVersions.image(platform, version));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.0", "v2", "latest", "1.2.3-rc.1", "_x"})
  void tagsAreAccepted(String tag) {
    assertTrue(ImageVersions.problem(tag).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", ".1", "1.0 ", "a/b", "a:b", "ü"})
  void nonTagsAreRejected(String tag) {
    assertTrue(ImageVersions.problem(tag).isPresent());
  }

  @org.junit.jupiter.api.Test
  void noPinKeepsThePlatformImage() {
    assertEquals("img:1", ImageVersions.image("img:1", null));
    assertTrue(ImageVersions.problem(null).isEmpty());
    assertTrue(ImageVersions.problem("x".repeat(129)).isPresent());
  }
}
