package dev.slipway.api.deadletters;

import dev.slipway.api.http.ApiException;
import dev.slipway.common.model.OperationType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what ops type (slugs or ids, type names, ages such as {@code 30m} or {@code PT1H}) into a
 * {@link DeadLetterFilter}, with errors naming the field. Blocking: call from worker threads.
 */
@ApplicationScoped
public class FilterResolver {
  private static final Pattern SHORT_AGE = Pattern.compile("(\\d+)\\s*([smhd])");
  private final OpsLookupRepository lookups;

  FilterResolver(OpsLookupRepository lookups) {
    this.lookups = lookups;
  }

  /**
   * @param field prefix of field names in errors ({@code filter.} for bodies, empty for queries)
   * @param query true for query parameters (400), false for a body (422)
   */
  public DeadLetterFilter resolve(
      List<String> tenants,
      List<String> types,
      List<String> messageIds,
      String minAge,
      String field,
      boolean query) {
    return new DeadLetterFilter(
        tenantIds(orEmpty(tenants), field + "tenants", query),
        types(orEmpty(types), field + "types", query),
        new HashSet<>(orEmpty(messageIds)),
        minAge == null || minAge.isBlank() ? null : age(minAge, field + "minAge", query));
  }

  private Set<String> tenantIds(List<String> tenants, String field, boolean query) {
    Set<String> ids = new HashSet<>();
    List<String> slugs = new ArrayList<>();
    for (String t : tenants) {
      try {
        ids.add(UUID.fromString(t.trim()).toString()); // an id is taken as is: its row may be gone
      } catch (IllegalArgumentException notAnId) {
        slugs.add(t.trim());
      }
    }
    if (!slugs.isEmpty()) {
      Map<String, List<UUID>> found = lookups.tenantIdsBySlug(slugs).await().indefinitely();
      for (String slug : slugs) {
        List<UUID> matches = found.get(slug);
        if (matches == null) {
          throw error(field, "no tenant has the slug '" + slug + "'", query);
        }
        matches.forEach(id -> ids.add(id.toString()));
      }
    }
    return ids;
  }

  private static Set<OperationType> types(List<String> types, String field, boolean query) {
    Set<OperationType> out = new HashSet<>();
    for (String t : types) {
      try {
        out.add(OperationType.valueOf(t.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw error(field, "unknown command type '" + t + "'", query);
      }
    }
    return out;
  }

  /** Seconds of an age: ISO-8601 ({@code PT1H}) or a number with s, m, h or d. */
  static long age(String text, String field, boolean query) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT_AGE.matcher(t);
    try {
      Duration d =
          m.matches()
              ? Duration.ofSeconds(Long.parseLong(m.group(1)) * unit(m.group(2)))
              : Duration.parse(t.toUpperCase(Locale.ROOT));
      if (!d.isNegative()) {
        return d.toSeconds();
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      // reported below
    }
    throw error(field, "minAge must be a duration such as 30m, 2h, 1d or PT1H, got " + text, query);
  }

  private static long unit(String u) {
    return switch (u) {
      case "s" -> 1;
      case "m" -> 60;
      case "h" -> 3600;
      default -> 86400;
    };
  }

  private static ApiException error(String field, String detail, boolean query) {
    return query ? ApiException.badRequest(detail) : ApiException.invalidField(field, detail);
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list.stream().filter(s -> s != null && !s.isBlank()).toList();
  }
}
