package dev.slipway.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {
  /** The "service": prints the JVM options it was started with, one line, and exits. */
  public static final class PrintOptions {
    public static void main(String[] args) {
      System.out.println(
          ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
              .filter(a -> a.startsWith("-Dslipway."))
              .toList());
    }
  }

  @Test
  void extraOptionsApplyToThatStartOnly(@TempDir Path dir) throws Exception {
    Path jar = jar(dir.resolve("quarkus-app/quarkus-run.jar"));
    Path log = dir.resolve("logs/probe.log");
    ServiceProcess first =
        ServiceProcess.start(
            "probe", jar, 1, 2, List.of("-Dslipway.own=1"), Map.of(), log, false, false);
    ServiceProcess extra = restarted(first, List.of("-Dslipway.extra=1"));
    restarted(extra, List.of());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.exists(log) && Files.readAllLines(log).size() == 3);
    assertEquals(
        List.of("[-Dslipway.own=1]", "[-Dslipway.own=1, -Dslipway.extra=1]", "[-Dslipway.own=1]"),
        Files.readAllLines(log),
        "the service's own options every time, the extra ones only on the start they were given to");
  }

  private static ServiceProcess restarted(ServiceProcess previous, List<String> extra)
      throws Exception {
    previous.handle().onExit().get();
    return previous.restart(extra);
  }

  private static Path jar(Path jar) throws Exception {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PrintOptions.class.getName());
    String entry = PrintOptions.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest);
        InputStream in = PrintOptions.class.getClassLoader().getResourceAsStream(entry)) {
      jarOut.putNextEntry(new JarEntry(entry));
      in.transferTo(jarOut);
    }
    return jar;
  }
}
