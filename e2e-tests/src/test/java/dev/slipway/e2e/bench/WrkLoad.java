package dev.slipway.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  record Result(double perSecond, double p50Millis, double p99Millis, long non2xx) {}

  private final URI api;
  private final String token;
  private final Path script;

  WrkLoad(URI api, String token, Path dir) throws IOException {
    this.api = api;
    this.token = token;
    this.script = Files.writeString(dir.resolve("create.lua"), SCRIPT, StandardCharsets.UTF_8);
  }

  /** One run; {@code round} keeps slugs of different runs apart. */
  Result run(int round, Duration duration, int connections) throws Exception {
    String out =
        Tools.run(
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
                Integer.toString(round)));
    Matcher rate = RATE.matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("no rate in wrk's output:\n" + out);
    }
    Matcher non2xx = NON_2XX.matcher(out);
    return new Result(
        Double.parseDouble(rate.group(1)),
        percentile(out, "50"),
        percentile(out, "99"),
        non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
  }

  /** A line of wrk's latency distribution, e.g. {@code 99% 12.34ms}, in milliseconds. */
  private static double percentile(String out, String p) {
    Matcher m = Pattern.compile("\\s" + p + "%\\s+([0-9.]+)(us|ms|s)").matcher(out);
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
