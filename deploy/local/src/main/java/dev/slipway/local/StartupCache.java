package dev.slipway.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class data a service starts from. On JDK 25 and later: the AOT cache ({@code app.aot}, JEP
 * 483/514/515: classes loaded and linked, method profiles) that a training run wrote next to the
 * jar ({@code ./slipway aot}); it roughly halves the start (docs/benchmarks.md, P5). Otherwise, or
 * before any training run: the AppCDS archive Quarkus writes at package time ({@code app-cds.jsa}).
 * A cache or archive from another JDK build is ignored by the JVM, never fatal.
 */
final class StartupCache {
  static final String AOT_CACHE = "app.aot";
  static final String CDS_ARCHIVE = "app-cds.jsa";
  private static final int AOT_CACHE_JDK = 25;

  private StartupCache() {}

  /** Whether the JDK running the stack, and so its services, can write and use an AOT cache. */
  static boolean aotCapable() {
    return Runtime.version().feature() >= AOT_CACHE_JDK;
  }

  /**
   * The JVM options for the service in {@code jar}'s directory.
   *
   * @param training write a new AOT cache when the service exits (JDK 25+; a no-op before)
   */
  static List<String> options(Path jar, boolean training) {
    return options(jar, training, Runtime.version().feature());
  }

  static List<String> options(Path jar, boolean training, int jdk) {
    if (jdk >= AOT_CACHE_JDK) {
      Path cache = jar.resolveSibling(AOT_CACHE);
      if (training) {
        // One-step training (JEP 514): at exit the JVM starts a child that writes the cache.
        return List.of("-XX:AOTCacheOutput=" + cache.toAbsolutePath());
      }
      if (Files.isRegularFile(cache)) {
        return List.of("-XX:AOTCache=" + cache.toAbsolutePath());
      }
    }
    Path archive = jar.resolveSibling(CDS_ARCHIVE);
    if (Files.isRegularFile(archive)) {
      return List.of(
          "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
          "-Xshare:auto"); // an archive from another JDK build is ignored, not fatal
    }
    return List.of();
  }
}
