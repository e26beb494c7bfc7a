package dev.slipway.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTest {

  @Test
  void roundTripsItsParts() {
    String cursor = Cursors.encode("acme", "0b4c5e3e-0000-0000-0000-000000000001");
    assertEquals(
        List.of("acme", "0b4c5e3e-0000-0000-0000-000000000001"),
        Cursors.decode(cursor, 2).orElseThrow());
  }

  @Test
  void rejectsWhatItDidNotIssue() {
    assertTrue(Cursors.decode("not base64 !", 2).isEmpty());
    assertTrue(Cursors.decode(Cursors.encode("one"), 2).isEmpty());
    assertTrue(Cursors.decode("", 2).isEmpty());
  }
}
