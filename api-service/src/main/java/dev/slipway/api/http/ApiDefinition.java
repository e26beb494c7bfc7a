package dev.slipway.api.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The parts of the OpenAPI document that belong to no one endpoint: the tags, one per feature (each
 * resource names its tag with these constants), with their descriptions, and the servers. The info
 * object is in application.properties. A filter rather than {@code @OpenAPIDefinition}, which the
 * build reads only on a JAX-RS {@code Application} class, and this API has none.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDefinition implements OASFilter {
  public static final String TENANTS = "Tenants";
  public static final String OPERATIONS = "Operations";
  public static final String PLANS = "Plans";
  public static final String DEAD_LETTERS = "Dead letters";
  public static final String JOBS = "Ops jobs";
  public static final String RECONCILE = "Reconcile runs";
  public static final String AUDIT = "Audit";
  public static final String CAPACITY = "Capacity";
  public static final String TOKEN_KEYS = "Token keys";
  public static final String FLEET = "Fleet";
  public static final String ROLLOUTS = "Rollouts";

  /** Schemas that request and view types hold as JSON nodes (see {@link #filterOpenAPI}). */
  public static final String LABELS = "#/components/schemas/Labels";

  public static final String GATEWAY_PATCH = "#/components/schemas/GatewayPatch";

  private static final Map<String, String> TAGS = new LinkedHashMap<>();

  static {
    TAGS.put(
        TENANTS,
        "Tenants and their lifecycle: create, read, change, start, stop, rotate the gateway token,"
            + " delete, restore, suspend and purge");
    TAGS.put(OPERATIONS, "The asynchronous operation every change of a tenant queues");
    TAGS.put(PLANS, "The plan catalogue: sizes and gateway limits");
    TAGS.put(DEAD_LETTERS, "Commands that failed for good: list, replay and purge (audited)");
    TAGS.put(JOBS, "Background jobs started by dead-letter replays and purges");
    TAGS.put(RECONCILE, "Passes of the reconciler comparing the database with the cluster");
    TAGS.put(AUDIT, "Who did which ops action, and why");
    TAGS.put(CAPACITY, "Requested resources, nodes needed and monthly cost of the fleet");
    TAGS.put(FLEET, "The fleet's defaults (gateway image version and config) as versioned records");
    TAGS.put(
        ROLLOUTS,
        "Fleet rollouts: change many tenants in waves gated on their health, with pause, abort and"
            + " automatic rollback");
    TAGS.put(TOKEN_KEYS, "The key that encrypts gateway tokens at rest, and its rotation");
  }

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    // Labels and gateway patches are read as Jackson nodes (to tell null from a wrong type); the
    // document describes them as what they are, so generated clients get no Jackson node type.
    openApi
        .getComponents()
        .addSchema(
            "Labels",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .additionalPropertiesSchema(
                    OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .description(
                    "Kubernetes-style labels, key (optional DNS prefix and '/', then a name) to"
                        + " value; in a PATCH a null value removes the key"))
        .addSchema(
            "GatewayPatch",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .additionalPropertiesSchema(
                    OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .description("Merge patch over a plan's numeric gateway limits"));
    openApi.setTags(
        TAGS.entrySet().stream()
            .map(t -> OASFactory.createTag().name(t.getKey()).description(t.getValue()))
            .toList());
    openApi.setServers(
        List.of(
            OASFactory.createServer()
                .url("http://localhost:8080")
                .description(
                    "The local stack (./slipway up), or ./mvnw quarkus:dev -pl api-service -am"),
            OASFactory.createServer()
                .url("http://api-service.slipway.svc")
                .description("Inside the cluster: the api-service Service of deploy/k8s")));
  }
}
