package dev.slipway.api.tenants.events;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Cursors;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A timeline request, checked: every bad parameter is a 422 naming it (the timeline is read by
 * support engineers at a prompt; a typo in {@code kind} must not silently match nothing).
 *
 * @param kinds the kinds asked for; all when the client named none
 * @param since events at or after, or null
 * @param until events strictly before, or null
 * @param beforeAt with {@code beforeKey}: the position of the last event of the previous page
 */
public record EventQuery(
    Set<EventKind> kinds,
    OffsetDateTime since,
    OffsetDateTime until,
    OffsetDateTime beforeAt,
    String beforeKey,
    int limit) {

  /** Above every real event: the first page. */
  static final OffsetDateTime TOP = OffsetDateTime.parse("9999-12-31T23:59:59Z");

  public static EventQuery parse(
      List<String> kinds, String since, String until, String cursor, int limit) {
    OffsetDateTime from = instant("since", since);
    OffsetDateTime to = instant("until", until);
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalidField(
          "since", "since (" + since + ") is after until (" + until + ")");
    }
    OffsetDateTime beforeAt = TOP;
    String beforeKey = "~";
    if (cursor != null) {
      List<String> parts = Cursors.decode(cursor, 2).orElseThrow(() -> badCursor(cursor));
      try {
        beforeAt = OffsetDateTime.parse(parts.get(0));
      } catch (DateTimeParseException e) {
        throw badCursor(cursor);
      }
      beforeKey = parts.get(1);
      // The key is bound as text: PostgreSQL refuses NUL characters, which would be a 500.
      if (!inRange(beforeAt) || !beforeKey.matches("[a-z][^\\p{Cntrl}]{0,400}")) {
        throw badCursor(cursor);
      }
    }
    return new EventQuery(kinds(kinds), from, to, beforeAt, beforeKey, limit);
  }

  private static Set<EventKind> kinds(List<String> names) {
    Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
    for (String name : names == null ? List.<String>of() : names) {
      for (String one : name.split(",", -1)) {
        kinds.add(
            EventKind.parse(one)
                .orElseThrow(
                    () ->
                        ApiException.invalidField(
                            "kind",
                            "kind must be one of "
                                + EventKind.wireNames()
                                + ", got '"
                                + one
                                + "'")));
      }
    }
    return kinds.isEmpty() ? EnumSet.allOf(EventKind.class) : kinds;
  }

  private static OffsetDateTime instant(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    OffsetDateTime at;
    try {
      at = OffsetDateTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      at = null;
    }
    if (at == null || !inRange(at)) {
      throw ApiException.invalidField(
          name,
          name + " must be an RFC 3339 time such as 2026-12-06T10:00:00Z, got '" + text + "'");
    }
    return at;
  }

  /** Years PostgreSQL's timestamptz and the cursor both hold. */
  private static boolean inRange(OffsetDateTime at) {
    return at.getYear() >= 1 && at.getYear() <= 9999;
  }

  private static ApiException badCursor(String cursor) {
    return ApiException.invalidField(
        "cursor", "cursor '" + cursor + "' was not issued by this API for this listing");
  }
}
