package dev.slipway.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {
  @TempDir Path dir;

  private Path jar() {
    return dir.resolve("quarkus-run.jar");
  }

  private String abs(String name) {
    return dir.resolve(name).toAbsolutePath().toString();
  }

  @Test
  void jdk17StartsFromTheAppCdsArchiveEvenWhenACacheExists() throws Exception {
    Files.createFile(dir.resolve(StartupCache.CDS_ARCHIVE));
    Files.createFile(dir.resolve(StartupCache.AOT_CACHE));
    assertEquals(
        List.of("-XX:SharedArchiveFile=" + abs(StartupCache.CDS_ARCHIVE), "-Xshare:auto"),
        StartupCache.options(jar(), false, 17));
    assertEquals(
        StartupCache.options(jar(), false, 17),
        StartupCache.options(jar(), true, 17),
        "no training before JDK 25");
  }

  @Test
  void jdk25StartsFromTheAotCacheOnceATrainingRunWroteIt() throws Exception {
    Files.createFile(dir.resolve(StartupCache.CDS_ARCHIVE));
    assertEquals(
        List.of("-XX:SharedArchiveFile=" + abs(StartupCache.CDS_ARCHIVE), "-Xshare:auto"),
        StartupCache.options(jar(), false, 25),
        "before any training run");
    Files.createFile(dir.resolve(StartupCache.AOT_CACHE));
    assertEquals(
        List.of("-XX:AOTCache=" + abs(StartupCache.AOT_CACHE)),
        StartupCache.options(jar(), false, 25));
  }

  @Test
  void aTrainingRunWritesTheCacheNextToTheJar() {
    assertEquals(
        List.of("-XX:AOTCacheOutput=" + abs(StartupCache.AOT_CACHE)),
        StartupCache.options(jar(), true, 26));
  }

  @Test
  void withNeitherFileTheJvmStartsPlain() {
    assertEquals(List.of(), StartupCache.options(jar(), false, 17));
    assertEquals(List.of(), StartupCache.options(jar(), false, 25));
  }
}
