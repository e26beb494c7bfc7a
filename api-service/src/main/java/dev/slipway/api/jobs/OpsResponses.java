package dev.slipway.api.jobs;

import dev.slipway.api.audit.OpsJson;
import dev.slipway.api.idempotency.StoredResponse;
import jakarta.enterprise.context.ApplicationScoped;

/** Storable responses of the ops mutations, so an idempotent replay is the same response. */
@ApplicationScoped
public class OpsResponses {
  private final OpsJson json;

  OpsResponses(OpsJson json) {
    this.json = json;
  }

  /** 202 with the job and its Location: it runs in the background. */
  public StoredResponse accepted(OpsJobRow job) {
    return StoredResponse.of(202, json.write(JobView.of(job)), jobPath(job), null);
  }

  public StoredResponse ok(Object body) {
    return StoredResponse.of(200, json.write(body), null, null);
  }

  public static String jobPath(OpsJobRow job) {
    return "/v1/ops/jobs/" + job.id();
  }
}
