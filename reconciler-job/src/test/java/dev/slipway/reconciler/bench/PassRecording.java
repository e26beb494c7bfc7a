package dev.slipway.reconciler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JFR recording of the measured passes over one fleet size, when {@code -Dbench.jfr=DIR} is given
 * ({@code DIR/p4-SIZE.jfr}, the JDK's "profile" settings): the profile behind a figure, without the
 * fill's samples (docs/benchmarks.md, P4 at 100,000 tenants).
 */
final class PassRecording implements AutoCloseable {
  private final Recording recording;
  private final Path file;

  private PassRecording(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  static PassRecording start(int size) {
    String dir = System.getProperty("bench.jfr");
    if (dir == null) {
      return new PassRecording(null, null);
    }
    try {
      Recording recording = new Recording(Configuration.getConfiguration("profile"));
      recording.start();
      return new PassRecording(recording, Path.of(dir, "p4-" + size + ".jfr"));
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalStateException("JFR settings 'profile' unreadable", e);
    }
  }

  @Override
  public void close() {
    if (recording == null) {
      return;
    }
    try (recording) {
      recording.dump(file);
      System.out.println("JFR recording of the passes: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
