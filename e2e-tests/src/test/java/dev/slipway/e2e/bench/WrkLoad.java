package dev.slipway.e2e.bench;

import dev.slipway.local.tools.ExternalTool;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} creating tenants through the API: each request a new slug (round, wrk thread,
 * counter), the admin bearer token, {@code --latency} for the percentiles. The token goes to the
 * Lua script as an argument, never into a file.
 */
final class WrkLoad {
  private static final String SCRIPT =
      """
      local threads = 0
      function setup(thread)
        thread:set("tid", threads)
        threads = threads + 1
      end
      function init(args)
        token = args[1]
        prefix = "w" .. args[2] .. "t" .. tid .. "n"
        n = 0
      end
      function request()
        n = n + 1
        return wrk.format("POST", "/v1/tenants",
          {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token},
          '{"slug":"' .. prefix .. n .. '"}')
      end
      """;
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

  // "Latency   8.10ms   30.02ms   1.02s   99.10%": average, deviation, maximum.
  private static final Pattern MAX =
      Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)\\s");

  /**
   * wrk's percentiles include its correction for coordinated omission: a request slower than twice
   * the mean interval of its connection adds the requests that connection could not send meanwhile.
   * So one stall of a second weighs as the hundred requests it held up.
   */
  record Result(
      double perSecond, double p50Millis, double p99Millis, double maxMillis, long non2xx) {}

  // Time a response takes at half rate, about: the pause between requests leaves it out.
  private static final int RESPONSE_MILLIS = 2;

  private final URI api;
  private final String token;
  private final Path dir;

  WrkLoad(URI api, String token, Path dir) {
    this.api = api;
    this.token = token;
    this.dir = dir;
  }

  /** One run as fast as the connections go; {@code round} keeps slugs of different runs apart. */
  Result run(String round, Duration duration, int connections) throws Exception {
    return run(round, duration, connections, 0);
  }

  /**
   * With {@code perSecond} > 0, each connection pauses between a response and its next request so
   * that together they send about that many (wrk's {@code delay()}; wrk has no fixed-rate mode).
   * wrk's coordinated-omission correction then counts a stall as the requests it held up, as a
   * fixed-rate client would see them.
   */
  Result run(String round, Duration duration, int connections, double perSecond) throws Exception {
    String text = SCRIPT;
    if (perSecond > 0) {
      long pause = Math.max(0, Math.round(connections * 1000 / perSecond) - RESPONSE_MILLIS);
      text += "function delay()\n  return " + pause + "\nend\n";
    }
    Path script = Files.writeString(dir.resolve("create.lua"), text, StandardCharsets.UTF_8);
    List<String> command =
        List.of(
            "wrk",
            "-t2",
            "-c" + connections,
            "-d" + duration.toSeconds() + "s",
            "--latency",
            "-s",
            script.toString(),
            api.toString(),
            "--",
            token,
            round);
    String out =
        ExternalTool.run(
                script.getParent(), command, Map.of(), duration.plus(ExternalTool.DEFAULT_TIMEOUT))
            .orThrow(command);
    Matcher rate = RATE.matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("no rate in wrk's output:\n" + out);
    }
    Matcher non2xx = NON_2XX.matcher(out);
    return new Result(
        Double.parseDouble(rate.group(1)),
        percentile(out, "50"),
        percentile(out, "99"),
        millis(MAX.matcher(out)),
        non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
  }

  /** A line of wrk's latency distribution, e.g. {@code 99% 12.34ms}, in milliseconds. */
  private static double percentile(String out, String p) {
    return millis(Pattern.compile("\\s" + p + "%\\s+([0-9.]+)(us|ms|s)").matcher(out));
  }

  private static double millis(Matcher m) {
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
