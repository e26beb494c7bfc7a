package dev.slipway.local.kube.select;

import dev.slipway.local.kube.api.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code labelSelector}: equality ({@code =}, {@code ==}), inequality ({@code !=}),
 * set-based ({@code in}, {@code notin}) and existence ({@code key}, {@code !key}) requirements, all
 * of which must hold. As on a real server, {@code !=} and {@code notin} also match objects without
 * the label.
 */
public final class LabelSelector {

  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private enum Op {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    NOT_EXISTS
  }

  private record Requirement(String key, Op op, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (op) {
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case NOT_EXISTS -> value == null;
      };
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  /** Parses a selector; null or blank selects everything. */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String term : SelectorTerms.split(text)) {
      requirements.add(requirement(term.trim()));
    }
    return new LabelSelector(List.copyOf(requirements));
  }

  public boolean matches(Map<String, String> labels) {
    for (Requirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEverything() {
    return requirements.isEmpty();
  }

  /** The single-valued equalities, which the label index can answer directly. */
  public Map<String, String> equalities() {
    Map<String, String> result = new HashMap<>();
    for (Requirement r : requirements) {
      if ((r.op() == Op.EQUALS || r.op() == Op.IN) && r.values().size() == 1) {
        result.put(r.key(), r.values().iterator().next());
      }
    }
    return result;
  }

  private static Requirement requirement(String term) {
    String lower = term.toLowerCase();
    int in = lower.indexOf(" in ");
    int notIn = lower.indexOf(" notin ");
    if (notIn > 0) {
      return new Requirement(key(term.substring(0, notIn)), Op.NOT_IN, set(term, notIn + 7));
    }
    if (in > 0) {
      return new Requirement(key(term.substring(0, in)), Op.IN, set(term, in + 4));
    }
    int bang = term.indexOf("!=");
    if (bang > 0) {
      return new Requirement(key(term.substring(0, bang)), Op.NOT_EQUALS, value(term, bang + 2));
    }
    int eq = term.indexOf('=');
    if (eq > 0) {
      int start = term.startsWith("==", eq) ? eq + 2 : eq + 1;
      return new Requirement(key(term.substring(0, eq)), Op.EQUALS, value(term, start));
    }
    if (term.startsWith("!")) {
      return new Requirement(key(term.substring(1)), Op.NOT_EXISTS, Set.of());
    }
    return new Requirement(key(term), Op.EXISTS, Set.of());
  }

  private static String key(String raw) {
    String key = raw.trim();
    if (key.isEmpty() || !key.matches("[A-Za-z0-9._/-]+")) {
      throw ApiException.badRequest("invalid label selector key: \"" + raw + "\"");
    }
    return key;
  }

  private static Set<String> value(String term, int start) {
    return Set.of(term.substring(start).trim());
  }

  private static Set<String> set(String term, int start) {
    String rest = term.substring(start).trim();
    if (!rest.startsWith("(") || !rest.endsWith(")")) {
      throw ApiException.badRequest("invalid label selector set: \"" + term + "\"");
    }
    Set<String> values = new java.util.HashSet<>();
    for (String value : rest.substring(1, rest.length() - 1).split(",")) {
      if (!value.isBlank()) {
        values.add(value.trim());
      }
    }
    return Set.copyOf(values);
  }
}
