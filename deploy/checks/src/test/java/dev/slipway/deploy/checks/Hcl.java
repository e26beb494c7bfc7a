package dev.slipway.deploy.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HCL to check deploy/terraform without terraform: blocks by type and labels, and the
 * text of an attribute's expression. Knows comments and quoted strings, not heredocs (we use none).
 */
final class Hcl {
  private static final Pattern HEADER =
      Pattern.compile("(?m)^[ \\t]*([a-z_]+)((?:[ \\t]+\"[^\"]*\")*)[ \\t]*\\{");
  private static final Pattern LABEL = Pattern.compile("\"([^\"]*)\"");

  private Hcl() {}

  record Block(String type, List<String> labels, String body) {
    String label() {
      return labels.isEmpty() ? "" : labels.get(0);
    }

    List<Block> blocks(String type) {
      return parse(body).stream().filter(b -> b.type().equals(type)).toList();
    }

    /** The expression after {@code name =} at this block's own level, as written (trimmed). */
    Optional<String> attribute(String name) {
      Pattern start = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(name) + "[ \\t]*=[ \\t]*");
      Matcher m = start.matcher(body);
      while (m.find()) {
        if (depths(body)[m.start()] == 0) {
          int end = expressionEnd(body, m.end());
          return Optional.of(body.substring(m.end(), end).trim());
        }
      }
      return Optional.empty();
    }
  }

  static List<Block> parse(String text) {
    String clean = withoutComments(text);
    List<Block> blocks = new ArrayList<>();
    int[] depths = depths(clean);
    Matcher m = HEADER.matcher(clean);
    int from = 0;
    while (m.find(from)) {
      if (depths[m.start()] != 0) {
        from = m.end();
        continue;
      }
      int close = closingBrace(clean, depths, m.end() - 1);
      List<String> labels = new ArrayList<>();
      Matcher l = LABEL.matcher(m.group(2));
      while (l.find()) {
        labels.add(l.group(1));
      }
      blocks.add(new Block(m.group(1), labels, clean.substring(m.end(), close - 1)));
      from = close;
    }
    return blocks;
  }

  /** Splits {@code a, f(b, c), {d = 1, e = 2}} at its top-level commas. */
  static List<String> splitArguments(String text) {
    List<String> parts = new ArrayList<>();
    int[] depths = depths(text);
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ',' && depths[i] == 0) {
        parts.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    parts.add(text.substring(start).trim());
    return parts;
  }

  static String normalized(String expression) {
    return expression.replaceAll("\\s+", " ").trim();
  }

  static Block block(List<Block> blocks, String type, String label) {
    return blocks.stream()
        .filter(b -> b.type().equals(type) && b.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " \"" + label + "\""));
  }

  /** Bracket depth before each position (and at the end), brackets in strings not counted. */
  private static int[] depths(String s) {
    int[] depths = new int[s.length() + 1];
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      depths[i] = depth;
      char c = s.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < s.length()) {
          depths[++i] = depth;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if ("{[(".indexOf(c) >= 0) {
        depth++;
      } else if ("}])".indexOf(c) >= 0) {
        depth--;
      }
    }
    depths[s.length()] = depth;
    return depths;
  }

  /** End of the expression starting at {@code from}: the first newline outside brackets. */
  private static int expressionEnd(String s, int from) {
    int[] depths = depths(s);
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == '\n' && depths[i] == depths[from]) {
        return i;
      }
    }
    return s.length();
  }

  /** Just past the brace that closes the one at {@code open}. */
  private static int closingBrace(String s, int[] depths, int open) {
    for (int i = open + 1; i < s.length(); i++) {
      if (depths[i + 1] == depths[open]) {
        return i + 1;
      }
    }
    throw new AssertionError("unclosed block at " + open);
  }

  private static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!quoted && c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        out.append('\n');
        continue;
      }
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      out.append(c);
    }
    return out.toString();
  }
}
