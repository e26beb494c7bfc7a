package dev.slipway.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {
  private static final String FORTY = "a".repeat(39) + "1";

  @ParameterizedTest
  @ValueSource(strings = {"abc", "acme", "a-b", "acme-01", "123", "a--b", "x9z"})
  void validSlugs(String slug) {
    assertEquals(Optional.empty(), Slugs.problem(slug));
    assertTrue(Slugs.isValid(slug));
  }

  @Test
  void lengthBoundsAreInclusive() {
    assertEquals(40, FORTY.length());
    assertTrue(Slugs.isValid(FORTY));
    assertTrue(Slugs.isValid("a".repeat(Slugs.MIN_LENGTH)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "ab"})
  void tooShort(String slug) {
    assertLengthProblem(slug);
  }

  @Test
  void tooLong() {
    assertLengthProblem(FORTY + "x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme", "ACME", "acMe"})
  void upperCase(String slug) {
    assertNotDns1123Label(slug);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-acme", "acme-", "-ac-"})
  void leadingOrTrailingHyphen(String slug) {
    assertNotDns1123Label(slug);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ac_me", "_acme"})
  void underscore(String slug) {
    assertNotDns1123Label(slug);
  }

  @ParameterizedTest
  @ValueSource(strings = {"acmé", "акме", "ac\u00a0me", "ac\ud83d\ude00e"})
  void unicode(String slug) {
    assertNotDns1123Label(slug);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ac me", "ac.me", "ac/me", " acme"})
  void otherCharacters(String slug) {
    assertNotDns1123Label(slug);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missing(String slug) {
    assertEquals(Optional.of("slug is required"), Slugs.problem(slug));
    assertFalse(Slugs.isValid(slug));
  }

  private static void assertNotDns1123Label(String slug) {
    String problem = Slugs.problem(slug).orElseThrow();
    assertTrue(problem.contains("DNS-1123"), problem);
    assertFalse(Slugs.isValid(slug));
  }

  private static void assertLengthProblem(String slug) {
    String problem = Slugs.problem(slug).orElseThrow();
    assertTrue(problem.contains("3 to 40"), problem);
    assertTrue(problem.endsWith("got " + slug.length()), problem);
  }
}
