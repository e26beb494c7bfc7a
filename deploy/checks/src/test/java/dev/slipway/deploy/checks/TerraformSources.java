package dev.slipway.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** deploy/terraform's sources: parsed, or copied where terraform may write its working files. */
final class TerraformSources {
  static final String DIR = "deploy/terraform";

  private TerraformSources() {}

  /** The blocks of every .tf file of {@code deploy/terraform/<module>} (not of subfolders). */
  static List<Hcl.Block> blocks(String module) {
    Path dir = Repo.path(DIR).resolve(module);
    try (Stream<Path> files = Files.list(dir)) {
      String text =
          files
              .filter(f -> f.getFileName().toString().endsWith(".tf"))
              .sorted()
              .map(TerraformSources::read)
              .collect(Collectors.joining("\n"));
      return Hcl.parse(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of the sources without any local state (.terraform, tfstate). The committed lock file
   * comes along, so {@code terraform init} checks the provider it installs against its hashes.
   */
  static Path copy() {
    Path source = Repo.path(DIR);
    try {
      Path target = Files.createTempDirectory("slipway-terraform");
      try (Stream<Path> paths = Files.walk(source)) {
        for (Path p : paths.filter(TerraformSources::isSource).toList()) {
          Path to = target.resolve(source.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSource(Path p) {
    String s = p.toString();
    if (p.getFileName().toString().equals(".terraform.lock.hcl")) {
      return true;
    }
    return !s.contains(".terraform") && !s.contains(".tfstate");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
