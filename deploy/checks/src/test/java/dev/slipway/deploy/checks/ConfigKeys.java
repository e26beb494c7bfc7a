package dev.slipway.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a module reads through its {@code @ConfigMapping} interfaces, found in
 * their sources (no service class is loaded): the prefix, then each method's name in kebab case,
 * into nested groups (any interface of the module, wherever hA's feature packages put it); {@code
 * Map<String, X>} becomes a {@code *} segment. Keys match environment variables by the MicroProfile
 * Config rule: upper case, every non-alphanumeric character an underscore.
 */
final class ConfigKeys {
  private static final Pattern MAPPING =
      Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)");
  private static final Pattern METHOD =
      Pattern.compile("^([\\w.]+(?:<.+>)?)\\s+(\\w+)\\(\\)$", Pattern.DOTALL);
  private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");

  private final Map<String, String> interfaces = new HashMap<>();
  private final TreeSet<String> keys = new TreeSet<>();

  private ConfigKeys() {}

  /** Every key read by the mappings under the modules' {@code src/main/java}. */
  static TreeSet<String> of(String... modules) {
    ConfigKeys scan = new ConfigKeys();
    List<String> sources = new ArrayList<>();
    for (String module : modules) {
      sources.addAll(javaSources(Repo.path(module).resolve("src/main/java")));
    }
    sources.forEach(scan::indexInterfaces);
    for (String source : sources) {
      Matcher mapping = MAPPING.matcher(source);
      if (mapping.find()) {
        Matcher type = INTERFACE.matcher(source);
        if (type.find(mapping.end())) {
          scan.collect(mapping.group(1), scan.interfaces.get(type.group(1)), 0);
        }
      }
    }
    return scan.keys;
  }

  /** Whether the environment variable sets one of the keys. */
  static boolean setsAny(String variable, Iterable<String> keys) {
    for (String key : keys) {
      if (envPattern(key).matcher(variable).matches()) {
        return true;
      }
    }
    return false;
  }

  static Pattern envPattern(String key) {
    StringBuilder regex = new StringBuilder();
    for (String part : key.split("\\*", -1)) {
      if (regex.length() > 0 || key.startsWith("*")) {
        regex.append("[A-Z0-9_]+");
      }
      regex.append(Pattern.quote(envName(part)));
    }
    return Pattern.compile(regex.toString());
  }

  static String envName(String key) {
    return key.replaceAll("[^A-Za-z0-9*]", "_").toUpperCase(Locale.ROOT);
  }

  private void collect(String prefix, String body, int depth) {
    if (body == null || depth > 8) {
      throw new AssertionError("config group not found under " + prefix);
    }
    for (String member : members(body)) {
      Matcher m = METHOD.matcher(member);
      if (!m.matches()) {
        continue;
      }
      String type = m.group(1).replaceAll("\\s+", "");
      String key = prefix + "." + kebab(m.group(2));
      String group = groupOf(type);
      if (type.startsWith("Map<")) {
        String value = type.substring(type.indexOf(',') + 1, type.length() - 1);
        String valueGroup = groupOf(value);
        if (valueGroup != null) {
          collect(key + ".*", interfaces.get(valueGroup), depth + 1);
        } else {
          keys.add(key + ".*");
        }
      } else if (group != null) {
        collect(key, interfaces.get(group), depth + 1);
      } else {
        keys.add(key);
      }
    }
  }

  /** The interface the type names (through Optional), when it is one of the module's. */
  private String groupOf(String type) {
    String bare = type.replaceFirst("^Optional<(.+)>$", "$1");
    String simple = bare.substring(bare.lastIndexOf('.') + 1);
    return interfaces.containsKey(simple) ? simple : null;
  }

  /** The abstract methods of an interface body: its depth-1 statements without a body. */
  private static List<String> members(String body) {
    List<String> members = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : body.toCharArray()) {
      if (c == '{') {
        depth++;
        current.setLength(0);
      } else if (c == '}') {
        depth--;
        current.setLength(0);
      } else if (depth == 0 && c == ';') {
        members.add(current.toString().trim());
        current.setLength(0);
      } else if (depth == 0) {
        current.append(c);
      }
    }
    return members.stream()
        .filter(s -> !s.startsWith("default ") && !s.startsWith("static "))
        .filter(s -> !s.contains("="))
        .toList();
  }

  private void indexInterfaces(String source) {
    Matcher m = INTERFACE.matcher(source);
    while (m.find()) {
      int open = m.end() - 1;
      int close = matching(source, open);
      interfaces.putIfAbsent(m.group(1), source.substring(open + 1, close));
    }
  }

  private static int matching(String source, int open) {
    int depth = 0;
    for (int i = open; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new AssertionError("unbalanced braces");
  }

  private static String kebab(String method) {
    return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Sources without comments, annotations and string contents that could hold braces. */
  private static List<String> javaSources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(ConfigKeys::read)
          .map(ConfigKeys::stripped)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stripped(String source) {
    Matcher mapping = MAPPING.matcher(source);
    String marker = mapping.find() ? mapping.group(0) + "\n" : "";
    // The mapping's prefix, kept in front of the (first, top-level) interface it annotates.
    return marker
        + codeOnly(source).replaceAll("@\\w+(\\.\\w+)*(\\((?:[^()]|\\([^()]*\\))*\\))?", " ");
  }

  /** The source with comments removed and string and char literals emptied. */
  private static String codeOnly(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        if (end < 0) {
          break;
        }
        i = end;
      } else if (source.startsWith("/*", i)) {
        i = source.indexOf("*/", i + 2) + 2;
        out.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        i = source.indexOf("\"\"\"", i + 3) + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (source.charAt(j) != c) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(c).append(c);
        i = j + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
