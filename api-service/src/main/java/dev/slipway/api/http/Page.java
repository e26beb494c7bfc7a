package dev.slipway.api.http;

import java.util.List;
import java.util.function.Function;

/** One page of results and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * Builds a page from up to {@code limit + 1} rows: the extra row only tells that another page
   * exists, so no count query is needed.
   */
  public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
  }
}
