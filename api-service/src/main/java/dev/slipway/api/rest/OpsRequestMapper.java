package dev.slipway.api.rest;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.service.ApiException;
import dev.slipway.api.service.DeadLetterFilter;
import dev.slipway.api.service.FilterResolver;
import dev.slipway.api.service.JobRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Validates ops request bodies into job requests; every error is a 422 naming the field. */
@ApplicationScoped
class OpsRequestMapper {
  static final int MAX_REASON = 1000;
  static final int MAX_COUNT = 100_000;
  static final double MIN_RATE = 0.1;
  private final FilterResolver filters;
  private final ApiConfig config;

  OpsRequestMapper(FilterResolver filters, ApiConfig config) {
    this.filters = filters;
    this.config = config;
  }

  JobRequest replay(OpsRequests.Replay r) {
    String mode = r.mode() == null ? "REDERIVE" : r.mode().trim().toUpperCase(Locale.ROOT);
    if (!mode.equals("REDERIVE") && !mode.equals("RESEND")) {
      throw ApiException.invalidField("mode", "mode must be rederive or resend, got " + r.mode());
    }
    double rate = r.ratePerSecond() == null ? config.ops().defaultRate() : r.ratePerSecond();
    double max = config.ops().maxRate();
    if (!(rate >= MIN_RATE && rate <= max)) {
      throw ApiException.invalidField(
          "ratePerSecond", "ratePerSecond must be from " + MIN_RATE + " to " + max);
    }
    return new JobRequest(
        "REPLAY", mode, filter(r.filter()), maxCount(r.maxCount()), rate, reason(r.reason()));
  }

  JobRequest purge(OpsRequests.Purge p) {
    String reason = reason(p.reason());
    if (!Boolean.TRUE.equals(p.confirm())) {
      throw ApiException.invalidField(
          "confirm", "confirm must be true: a purge deletes dead letters for good");
    }
    return new JobRequest("PURGE", null, filter(p.filter()), maxCount(p.maxCount()), null, reason);
  }

  DeadLetterFilter filter(OpsRequests.Filter f) {
    if (f == null) {
      return DeadLetterFilter.all();
    }
    return filters.resolve(f.tenants(), f.types(), f.messageIds(), f.minAge(), "filter.", false);
  }

  static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalidField("reason", "reason is required: say why, for the audit");
    }
    if (reason.length() > MAX_REASON) {
      throw ApiException.invalidField("reason", "reason is longer than " + MAX_REASON);
    }
    return reason.trim();
  }

  private int maxCount(Integer maxCount) {
    int n = maxCount == null ? config.ops().defaultMaxCount() : maxCount;
    if (n < 1 || n > MAX_COUNT) {
      throw ApiException.invalidField("maxCount", "maxCount must be from 1 to " + MAX_COUNT);
    }
    return n;
  }
}
