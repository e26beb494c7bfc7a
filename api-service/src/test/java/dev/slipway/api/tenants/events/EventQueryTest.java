package dev.slipway.api.tenants.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Cursors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline's parameters: each bad one is a 422 naming it, nothing else is. */
class EventQueryTest {

  private static String field(List<String> kinds, String since, String until, String cursor) {
    ApiException e =
        assertThrows(ApiException.class, () -> EventQuery.parse(kinds, since, until, cursor, 10));
    assertEquals(422, e.status());
    return e.errors().get(0).field();
  }

  @Test
  void eachBadParameterIsNamed() {
    assertEquals("kind", field(List.of("bogus"), null, null, null));
    assertEquals("kind", field(List.of("write", ""), null, null, null));
    assertEquals("kind", field(List.of("write,dead_letters"), null, null, null));
    assertEquals("since", field(null, "yesterday", null, null));
    assertEquals("until", field(null, null, "2026-13-01T00:00:00Z", null));
    assertEquals("since", field(null, "2026-12-06T10:00:00Z", "2026-12-06T09:59:59Z", null));
    assertEquals("cursor", field(null, null, null, "not-a-cursor"));
    assertEquals("cursor", field(null, null, null, encoded("x\ny")));
    assertEquals("cursor", field(null, null, null, encoded("2026-12-06T10:00:00Z\n\u0000")));
    assertEquals("since", field(null, "+99999-01-01T00:00:00Z", null, null));
  }

  @Test
  void kindsAreRepeatableOrCommaSeparatedInAnyCaseAndAllWhenAbsent() {
    var q =
        EventQuery.parse(
            List.of("Write,dead-letter", "REPAIR", "dead_letter"), null, null, null, 5);
    assertEquals(EnumSet.of(EventKind.WRITE, EventKind.DEAD_LETTER, EventKind.REPAIR), q.kinds());
    assertEquals(
        EnumSet.allOf(EventKind.class), EventQuery.parse(null, null, null, null, 5).kinds());
  }

  @Test
  void aCursorThisApiIssuedIsThePositionItNames() {
    var q =
        EventQuery.parse(null, null, null, Cursors.encode("2026-12-06T10:00:00.123456Z", "o1"), 5);
    assertEquals("o1", q.beforeKey());
    assertEquals("2026-12-06T10:00:00.123456Z", q.beforeAt().toString());
    // An empty window is no error.
    var same = EventQuery.parse(null, "2026-12-06T10:00:00Z", "2026-12-06T10:00:00Z", null, 5);
    assertEquals(same.since(), same.until());
  }

  private static String encoded(String raw) {
    return Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }
}
