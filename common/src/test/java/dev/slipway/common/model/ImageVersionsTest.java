package dev.slipway.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageVersionsTest {
  static final String HEX = "0123456789abcdef".repeat(4);

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

  @ParameterizedTest
  @CsvSource({
    "ghcr.io/slipway/gateway:1.0.0, sha256:HEX, ghcr.io/slipway/gateway@sha256:HEX",
    "ghcr.io/slipway/gateway:1.0.0, @sha256:HEX, ghcr.io/slipway/gateway@sha256:HEX",
    "registry:5000/gateway:1.0, 2.0@sha256:HEX, registry:5000/gateway:2.0@sha256:HEX",
    "ghcr.io/slipway/gateway@sha256:abc, sha256:HEX, ghcr.io/slipway/gateway@sha256:HEX"
  })
  void digestsAreKeptInTheImage(String platform, String version, String expected) {
    String pinned = version.replace("HEX", HEX);
    assertTrue(ImageVersions.problem(pinned).isEmpty(), pinned);
    assertEquals(expected.replace("HEX", HEX), ImageVersions.image(platform, pinned));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256:HEX0",
        "sha256:abc",
        "sha512:HEX",
        "SHA256:HEX",
        "1.0@sha256:",
        "@1.0",
        "1.0@@sha256:HEX",
        "-x@sha256:HEX",
        "sha256:HEX@sha256:HEX"
      })
  void malformedDigestsAreRejected(String version) {
    String v = version.replace("HEX", HEX);
    assertTrue(ImageVersions.problem(v).isPresent(), v);
    assertTrue(ImageVersions.problem(v.toUpperCase(java.util.Locale.ROOT)).isPresent(), v);
  }

  @org.junit.jupiter.api.Test
  void noPinKeepsThePlatformImage() {
    assertEquals("img:1", ImageVersions.image("img:1", null));
    assertTrue(ImageVersions.problem(null).isEmpty());
    assertTrue(ImageVersions.problem("x".repeat(129)).isPresent());
  }

  @ParameterizedTest
  @CsvSource({
    "ghcr.io/slipway/gateway:1.0.0, 1.0.0",
    "ghcr.io/slipway/gateway, latest",
    "registry:5000/gateway, latest",
    "registry:5000/gateway:v3, v3",
    "ghcr.io/slipway/gateway@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "ghcr.io/slipway/gateway:1.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, 1.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
  })
  void versionOfIsWhatImageTakesBack(String image, String version) {
    assertEquals(version, ImageVersions.versionOf(image));
    assertTrue(ImageVersions.problem(version).isEmpty(), version);
    if (!version.equals("latest")) {
      assertEquals(image, ImageVersions.image(image, ImageVersions.versionOf(image)));
    }
  }
}
