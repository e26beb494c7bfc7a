package dev.slipway.local.kube.select;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A parsed {@code fieldSelector} ({@code =}, {@code ==}, {@code !=}, comma-separated). {@code
 * metadata.name} and {@code metadata.namespace} are answered from the index; any other dotted path
 * (kubectl asks for {@code involvedObject.name} on events) is looked up in the object's JSON, which
 * is slower but still proportional to the candidates.
 */
public final class FieldSelector implements Predicate<StoredObject> {

  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private record Term(String field, String value, boolean equal) {}

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = terms;
  }

  public static FieldSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    for (String raw : SelectorTerms.split(text)) {
      String term = raw.trim();
      int bang = term.indexOf("!=");
      int eq = term.indexOf('=');
      if (bang > 0) {
        terms.add(new Term(term.substring(0, bang).trim(), term.substring(bang + 2).trim(), false));
      } else if (eq > 0) {
        int start = term.startsWith("==", eq) ? eq + 2 : eq + 1;
        terms.add(new Term(term.substring(0, eq).trim(), term.substring(start).trim(), true));
      } else {
        throw ApiException.badRequest("invalid field selector: \"" + term + "\"");
      }
    }
    return new FieldSelector(List.copyOf(terms));
  }

  /** The name an equality on metadata.name pins, or null: then a GET replaces the scan. */
  public String pinnedName() {
    for (Term term : terms) {
      if (term.equal() && term.field().equals("metadata.name")) {
        return term.value();
      }
    }
    return null;
  }

  @Override
  public boolean test(StoredObject object) {
    JsonNode tree = null;
    for (Term term : terms) {
      String actual =
          switch (term.field()) {
            case "metadata.name" -> object.name();
            case "metadata.namespace" -> object.namespace();
            default -> {
              tree = tree == null ? object.tree() : tree;
              yield lookup(tree, term.field());
            }
          };
      if (term.value().equals(actual) != term.equal()) {
        return false;
      }
    }
    return true;
  }

  private static String lookup(JsonNode tree, String dottedPath) {
    JsonNode node = tree;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() ? node.asText() : "";
  }
}
