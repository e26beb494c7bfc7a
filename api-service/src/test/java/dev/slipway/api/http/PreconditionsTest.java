package dev.slipway.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreconditionsTest {

  @Test
  void readsStrongWeakAndBareGenerations() {
    assertEquals(3, Preconditions.ifMatch("\"3\"").getAsLong());
    assertEquals(3, Preconditions.ifMatch("W/\"3\"").getAsLong());
    assertEquals(12, Preconditions.ifMatch(" 12 ").getAsLong());
    assertEquals("\"7\"", Preconditions.etag(7));
  }

  @Test
  void absentOrStarMeansAnyVersion() {
    assertTrue(Preconditions.ifMatch(null).isEmpty());
    assertTrue(Preconditions.ifMatch("*").isEmpty());
  }

  @Test
  void garbageIsABadRequest() {
    ApiException e = assertThrows(ApiException.class, () -> Preconditions.ifMatch("\"abc\""));
    assertEquals(400, e.status());
  }
}
