package dev.slipway.cli.output;

/** A text progress bar: {@code [########------------] 40% 40/100}. */
public final class ProgressBar {
  private final int width;

  public ProgressBar(int width) {
    this.width = width;
  }

  /** The bar for {@code count} of {@code total}; an unknown total (0) shows an empty bar. */
  public String render(int count, int total) {
    int filled = total <= 0 ? 0 : (int) Math.min(width, (long) count * width / total);
    int percent = total <= 0 ? 0 : (int) Math.min(100, (long) count * 100 / total);
    return "["
        + "#".repeat(filled)
        + "-".repeat(width - filled)
        + "] "
        + String.format("%3d%%", percent)
        + "  "
        + count
        + "/"
        + total;
  }
}
