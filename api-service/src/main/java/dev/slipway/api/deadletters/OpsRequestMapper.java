package dev.slipway.api.deadletters;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.jobs.JobRequest;
import dev.slipway.api.jobs.OpsRequests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Validates ops request bodies into job requests; every error is a 422 naming the field. */
@ApplicationScoped
class OpsRequestMapper {
  static final int MAX_COUNT = OpsRequests.MAX_COUNT;
  static final double MIN_RATE = Double.parseDouble(OpsRequests.MIN_RATE);
  private final FilterResolver filters;
  private final ApiConfig config;

  OpsRequestMapper(FilterResolver filters, ApiConfig config) {
    this.filters = filters;
    this.config = config;
  }

  JobRequest<DeadLetterFilter> replay(OpsRequests.Replay r) {
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
    return new JobRequest<>(
        "REPLAY",
        mode,
        filter(r.filter()),
        maxCount(r.maxCount()),
        rate,
        OpsAudit.requireReason(r.reason()));
  }

  JobRequest<DeadLetterFilter> purge(OpsRequests.Purge p) {
    String reason = OpsAudit.requireReason(p.reason());
    if (!Boolean.TRUE.equals(p.confirm())) {
      throw ApiException.invalidField(
          "confirm", "confirm must be true: a purge deletes dead letters for good");
    }
    return new JobRequest<>(
        "PURGE", null, filter(p.filter()), maxCount(p.maxCount()), null, reason);
  }

  DeadLetterFilter filter(OpsRequests.Filter f) {
    if (f == null) {
      return DeadLetterFilter.all();
    }
    return filters.resolve(f.tenants(), f.types(), f.messageIds(), f.minAge(), "filter.", false);
  }

  private int maxCount(Integer maxCount) {
    int n = maxCount == null ? config.ops().defaultMaxCount() : maxCount;
    if (n < 1 || n > MAX_COUNT) {
      throw ApiException.invalidField("maxCount", "maxCount must be from 1 to " + MAX_COUNT);
    }
    return n;
  }
}
