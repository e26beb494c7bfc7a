package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: every PostgreSQL URL we document or configure for a real (non-local) host requires TLS
 * with the certificate and host name checked, {@code sslmode=verify-full}: the docs, the READMEs,
 * the Kubernetes manifests and the Terraform sources. A URL of the local stack (localhost) is
 * exempt.
 */
class DatabaseTlsTest {
  private static final Pattern URL =
      Pattern.compile("(?:jdbc:)?postgres(?:ql)?://[^\\s'\"`)<>]+", Pattern.CASE_INSENSITIVE);
  private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final Set<String> SUFFIXES = Set.of(".md", ".yaml", ".yml", ".tf", ".tfvars");

  @Test
  void everyProductionDatabaseUrlRequiresVerifiedTls() {
    List<String> plain = new ArrayList<>();
    int production = 0;
    for (Path file : sources()) {
      Matcher m = URL.matcher(read(file));
      while (m.find()) {
        String url = m.group();
        if (LOCAL.contains(host(url)) || url.contains("${") || url.contains("$(")) {
          continue;
        }
        production++;
        if (!url.contains("sslmode=verify-full")) {
          plain.add(Repo.root().relativize(file) + ": " + url);
        }
      }
    }
    assertEquals(List.of(), plain, "database URLs without sslmode=verify-full");
    assertTrue(production >= 2, "the deploy guide documents the JDBC and reactive URLs");
  }

  @Test
  void theHostIsTakenFromTheAuthority() {
    assertEquals("db.example.com", host("jdbc:postgresql://db.example.com:5432/slipway"));
    assertEquals("localhost", host("postgresql://slipway:secret@localhost:15432/slipway"));
    assertEquals("HOST", host("postgresql://HOST/slipway?sslmode=require"));
  }

  static String host(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    rest = rest.substring(rest.indexOf('@') + 1);
    int end = rest.length();
    for (char c : new char[] {':', '/', '?'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end);
  }

  /** Docs and deployment sources; never tests, build output or the rendered copies. */
  private static List<Path> sources() {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("docs", "deploy/k8s", "deploy/terraform")) {
      try (Stream<Path> walk = Files.walk(Repo.path(dir))) {
        walk.filter(Files::isRegularFile)
            .filter(p -> SUFFIXES.stream().anyMatch(s -> p.toString().endsWith(s)))
            .filter(p -> !p.toString().contains("/.terraform/"))
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (Stream<Path> top = Files.list(Repo.root())) {
      top.filter(Files::isDirectory)
          .map(d -> d.resolve("README.md"))
          .filter(Files::exists)
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(Repo.path("README.md"));
    files.add(Repo.path("deploy/local/README.md"));
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
