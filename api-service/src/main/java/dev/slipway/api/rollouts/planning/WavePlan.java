package dev.slipway.api.rollouts.planning;

import dev.slipway.api.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many tenants each wave takes. The canary (when there is one) is wave 0; the waves after it
 * are cumulative shares ({@code "25%"}) or counts ({@code "10"}) of the selection left after the
 * canary, non-decreasing, the last covering all of it. A wave that would take nobody (25 % of one
 * tenant after rounding up took it already) is left out, so every planned wave changes someone.
 */
public final class WavePlan {
  private static final Pattern SHARE = Pattern.compile("(\\d{1,3})%");
  private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

  private WavePlan() {}

  /** The waves' sizes in order (the canary first), summing to {@code selected}. */
  public static List<Integer> sizes(int selected, int canary, List<String> waves) {
    if (canary < 0 || canary > selected) {
      throw ApiException.invalidField(
          "strategy.canary",
          "canary must be between 0 and the " + selected + " tenants the selector matches");
    }
    List<Integer> sizes = new ArrayList<>();
    if (canary > 0) {
      sizes.add(canary);
    }
    int rest = selected - canary;
    if (waves.isEmpty() && rest > 0) {
      throw ApiException.invalidField(
          "strategy.waves", "waves must list at least one wave, e.g. [\"100%\"]");
    }
    int done = 0;
    for (int i = 0; i < waves.size(); i++) {
      int upTo = cumulative(waves.get(i), rest, i);
      if (upTo < done) {
        throw ApiException.invalidField(
            "strategy.waves",
            "waves are cumulative and must not decrease: wave " + (i + 1) + " is below wave " + i);
      }
      if (upTo > done) {
        sizes.add(upTo - done);
        done = upTo;
      }
    }
    if (done < rest) {
      throw ApiException.invalidField(
          "strategy.waves",
          "the last wave covers "
              + done
              + " of the "
              + rest
              + " tenants after the canary; end with \"100%\" or a count of at least "
              + rest);
    }
    return sizes;
  }

  private static int cumulative(String wave, int rest, int index) {
    String w = wave == null ? "" : wave.trim();
    Matcher share = SHARE.matcher(w);
    if (share.matches()) {
      int p = Integer.parseInt(share.group(1));
      if (p < 1 || p > 100) {
        throw ApiException.invalidField(
            "strategy.waves", "wave " + (index + 1) + ": a share must be between 1% and 100%");
      }
      return (int) Math.ceil(rest * p / 100.0);
    }
    if (COUNT.matcher(w).matches() && Integer.parseInt(w) >= 1) {
      return Math.min(Integer.parseInt(w), rest);
    }
    throw ApiException.invalidField(
        "strategy.waves",
        "wave " + (index + 1) + " must be a share such as \"25%\" or a count such as \"10\"");
  }
}
