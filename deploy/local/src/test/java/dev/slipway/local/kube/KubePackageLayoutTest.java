package dev.slipway.local.kube;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The emulator's package layout (deploy/local/docs/kube-emulator.md, "Code layout"): each
 * sub-package imports only the packages below it, so there are no cycles, and none grows past 30
 * files. Read from the sources, which the test runs next to (Maven runs it in deploy/local).
 */
class KubePackageLayoutTest {

  private static final Path ROOT = Path.of("src/main/java/dev/slipway/local/kube");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?dev\\.slipway\\.local\\.kube\\.([a-z]+)\\.", Pattern.MULTILINE);

  private static final Pattern ROOT_IMPORT =
      Pattern.compile("^import dev\\.slipway\\.local\\.kube\\.[A-Z]", Pattern.MULTILINE);

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "api",
          Set.<String>of(),
          "select",
          Set.of("api"),
          "store",
          Set.of("api", "select"),
          "apply",
          Set.of("api", "select", "store"),
          "watch",
          Set.of("api", "select", "store"),
          "controllers",
          Set.of("api", "select", "store", "admission"),
          "auth",
          Set.of("api", "select", "store"),
          "admission",
          Set.of("api", "store"),
          "flow",
          Set.of("auth"),
          "http",
          Set.of("api", "select", "store", "apply", "watch", "auth", "admission", "flow"));

  @Test
  void subPackagesImportOnlyThePackagesBelowThem() throws IOException {
    for (Path dir : subPackages()) {
      String name = dir.getFileName().toString();
      assertTrue(ALLOWED.containsKey(name), "undocumented package " + name);
      Set<String> imported = new TreeSet<>();
      for (Path file : javaFiles(dir)) {
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          imported.add(m.group(1));
        }
        assertFalse(
            ROOT_IMPORT.matcher(Files.readString(file)).find(), file + " imports the root package");
      }
      imported.remove(name);
      imported.removeAll(ALLOWED.get(name));
      assertTrue(imported.isEmpty(), name + " must not import " + imported);
    }
  }

  @Test
  void noPackageHasMoreThanThirtyFiles() throws IOException {
    assertTrue(javaFiles(ROOT).size() <= 30, "root package too large");
    for (Path dir : subPackages()) {
      assertTrue(javaFiles(dir).size() <= 30, dir + " has more than 30 files");
    }
  }

  private static List<Path> subPackages() throws IOException {
    try (Stream<Path> entries = Files.list(ROOT)) {
      List<Path> dirs = entries.filter(Files::isDirectory).toList();
      assertTrue(dirs.size() >= 7, "sub-packages not found under " + ROOT.toAbsolutePath());
      return dirs;
    }
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}
