package dev.slipway.common.render;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.Sizing;
import dev.slipway.common.model.TenantSpec;
import java.util.UUID;

/** The fixed tenant the golden files were written for, and variations of it. */
final class TenantFixtures {
  static final UUID ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
  static final String SLUG = "acme";
  static final long GENERATION = 3;
  static final String TOKEN = "s3cr3t-token-for-golden-test";

  /** kubectl-like YAML; quoting numeric strings keeps annotations such as generation strings. */
  static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();

  private TenantFixtures() {}

  static TenantSpec tenant() {
    return new TenantSpec(ID, SLUG, GENERATION, DesiredState.RUNNING, 1, TOKEN);
  }

  /**
   * The same tenant on an autoscaling plan (seed 001's HPA and resources), pinned to image version
   * 1.4.2, with its own gateway limits.
   */
  static TenantSpec large() {
    return large(DesiredState.RUNNING);
  }

  static TenantSpec large(DesiredState state) {
    Sizing sizing =
        new Sizing(
            "large",
            2,
            new Resources("200m", "256Mi", "500m", "512Mi"),
            new Autoscaling(2, 10, 70));
    return new TenantSpec(
        ID,
        SLUG,
        GENERATION,
        state,
        sizing,
        "1.4.2",
        new GatewayConfig("acme-prod", 5000, 500, 1000, 20000),
        TOKEN);
  }

  /** The seed-sized tenant pinned to an image version (a tag, a digest or both). */
  static TenantSpec pinned(String imageVersion) {
    TenantSpec t = tenant();
    return new TenantSpec(
        t.id(),
        t.slug(),
        t.generation(),
        t.desiredState(),
        t.sizing(),
        imageVersion,
        t.gatewayConfig(),
        t.gatewayToken());
  }

  static TenantSpec with(DesiredState state) {
    TenantSpec t = tenant();
    return new TenantSpec(t.id(), t.slug(), t.generation(), state, t.replicas(), t.gatewayToken());
  }

  static TenantSpec withToken(String token) {
    TenantSpec t = tenant();
    return new TenantSpec(t.id(), t.slug(), t.generation(), t.desiredState(), t.replicas(), token);
  }

  static TenantSpec withGeneration(long generation) {
    TenantSpec t = tenant();
    return new TenantSpec(
        t.id(), t.slug(), generation, t.desiredState(), t.replicas(), t.gatewayToken());
  }

  static DesiredObjects render(TenantSpec tenant) {
    return TenantRenderer.render(tenant, RenderSettings.defaults());
  }

  static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
