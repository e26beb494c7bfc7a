package dev.slipway.local.kube.select;

import java.util.ArrayList;
import java.util.List;

/** Splits a selector at the commas between terms, not those inside {@code in (a,b)} sets. */
public final class SelectorTerms {

  private SelectorTerms() {}

  public static List<String> split(String selector) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        add(terms, selector.substring(start, i));
        start = i + 1;
      }
    }
    add(terms, selector.substring(start));
    return terms;
  }

  private static void add(List<String> terms, String term) {
    if (!term.isBlank()) {
      terms.add(term);
    }
  }
}
