package dev.slipway.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Copies a service process's output to its log file and, prefixed with its name, the console. */
final class ServiceLog {
  private ServiceLog() {}

  /**
   * Follows the process's output on a daemon thread until it ends.
   *
   * @param append true for a restarted service: its earlier life stays in the same file
   */
  static void follow(String name, Process process, Path logFile, boolean echo, boolean append)
      throws IOException {
    OpenOption[] options =
        append
            ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
            : new OpenOption[0];
    PrintWriter log =
        new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, options));
    Thread thread = new Thread(() -> copy(name, process, log, echo), name + "-output");
    thread.setDaemon(true);
    thread.start();
  }

  private static void copy(String name, Process process, PrintWriter log, boolean echo) {
    try (var in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        log.println(line);
        log.flush();
        if (echo) {
          System.out.println("[" + name + "] " + line);
        }
      }
    } catch (IOException ignored) {
      // the process ended
    } finally {
      log.close();
    }
  }
}
