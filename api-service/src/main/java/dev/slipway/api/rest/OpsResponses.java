package dev.slipway.api.rest;

import dev.slipway.api.idempotency.StoredResponse;
import dev.slipway.api.repository.OpsJobRow;
import dev.slipway.api.service.OpsJson;
import jakarta.enterprise.context.ApplicationScoped;

/** Storable responses of the ops mutations, so an idempotent replay is the same response. */
@ApplicationScoped
class OpsResponses {
  private final OpsJson json;

  OpsResponses(OpsJson json) {
    this.json = json;
  }

  /** 202 with the job and its Location: it runs in the background. */
  StoredResponse accepted(OpsJobRow job) {
    return StoredResponse.of(202, json.write(JobView.of(job)), jobPath(job), null);
  }

  StoredResponse ok(Object body) {
    return StoredResponse.of(200, json.write(body), null, null);
  }

  static String jobPath(OpsJobRow job) {
    return "/v1/ops/jobs/" + job.id();
  }
}
