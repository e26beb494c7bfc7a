package dev.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExitCodesTest {
  @Test
  void eachErrorClassHasItsCode() {
    assertEquals(ExitCodes.NOT_FOUND, ExitCodes.ofStatus(404));
    assertEquals(ExitCodes.CONFLICT, ExitCodes.ofStatus(409));
    assertEquals(ExitCodes.CONFLICT, ExitCodes.ofStatus(412));
    assertEquals(ExitCodes.INVALID, ExitCodes.ofStatus(400));
    assertEquals(ExitCodes.INVALID, ExitCodes.ofStatus(413));
    assertEquals(ExitCodes.INVALID, ExitCodes.ofStatus(415));
    assertEquals(ExitCodes.INVALID, ExitCodes.ofStatus(422));
    assertEquals(ExitCodes.AUTH, ExitCodes.ofStatus(401));
    assertEquals(ExitCodes.AUTH, ExitCodes.ofStatus(403));
    assertEquals(ExitCodes.UNAVAILABLE, ExitCodes.ofStatus(429));
    assertEquals(ExitCodes.UNAVAILABLE, ExitCodes.ofStatus(500));
    assertEquals(ExitCodes.UNAVAILABLE, ExitCodes.ofStatus(503));
    assertEquals(ExitCodes.INVALID, ExitCodes.ofStatus(405));
  }

  @Test
  void durationsReadTheApisShortFormsAndIso() {
    assertEquals(java.time.Duration.ofMillis(200), Durations.parse("200ms"));
    assertEquals(java.time.Duration.ofSeconds(90), Durations.parse("90s"));
    assertEquals(java.time.Duration.ofMinutes(30), Durations.parse("30m"));
    assertEquals(java.time.Duration.ofHours(2), Durations.parse("2h"));
    assertEquals(java.time.Duration.ofDays(1), Durations.parse("1d"));
    assertEquals(java.time.Duration.ofHours(1), Durations.parse("PT1H"));
    CliException bad =
        org.junit.jupiter.api.Assertions.assertThrows(
            CliException.class, () -> Durations.parse("soon"));
    assertEquals(ExitCodes.USAGE, bad.exitCode());
    assertEquals("12m", Durations.brief(java.time.Duration.ofMinutes(12)));
    assertEquals("3d", Durations.brief(java.time.Duration.ofDays(3)));
  }
}
