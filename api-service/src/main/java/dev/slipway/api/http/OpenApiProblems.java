package dev.slipway.api.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Adds the problem+json error responses to every operation of the generated document, so clients
 * see which errors each endpoint can answer without us repeating annotations on every method. The
 * rules mirror {@link ProblemMappers} and the services: every endpoint may answer 401/403/500; one
 * with a path parameter 404; one with a body 400/413/415/422; a mutation 409, 412, 422, 429 and
 * 503.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiProblems implements OASFilter {
  private static final String SCHEMA_REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    openApi.getComponents().addSchema("Problem", ProblemSchema.schema());
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations().forEach((method, op) -> addErrors(path, method, op)));
  }

  private static void addErrors(String path, PathItem.HttpMethod method, Operation op) {
    if (!path.startsWith("/v1/")) {
      return;
    }
    add(op, "401", "Missing, expired or invalid bearer token");
    add(op, "403", "The caller's role does not allow this");
    add(op, "500", "Unexpected error; the body carries only an error id for the logs");
    if (path.contains("{")) {
      add(op, "404", "No such resource, or one the caller may not see");
    }
    boolean mutation = method != PathItem.HttpMethod.GET;
    add(op, "400", mutation ? "Malformed body or header" : "Malformed query parameter or cursor");
    if (op.getRequestBody() != null) {
      add(op, "413", "Request body too large");
      add(op, "415", "Content type not supported");
    }
    boolean needsDlq = path.startsWith("/v1/ops/dead-letters") || path.startsWith("/v1/ops/jobs");
    if (needsDlq) {
      add(
          op,
          "503",
          mutation
              ? "No dead-letter queue is configured (slipway.api.ops.dlq-url), or this replica runs"
                  + " its limit of concurrent writes (Retry-After)"
              : "No dead-letter queue is configured (slipway.api.ops.dlq-url)");
    }
    if (mutation) {
      add(op, "429", "The caller's write rate limit is exceeded (Retry-After)");
      add(op, "503", "This replica runs its limit of concurrent writes (Retry-After)");
      add(op, "409", "Conflicts with the current state (slug taken, tenant deleted)");
      add(op, "412", "If-Match does not match the tenant's current generation (ETag)");
      add(op, "422", "Invalid field values, or an Idempotency-Key reused with another request");
    }
  }

  private static void add(Operation op, String status, String description) {
    var content =
        OASFactory.createContent()
            .addMediaType(
                Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF)));
    var existing = op.getResponses().getAPIResponse(status);
    if (existing != null) {
      // Quarkus documents 401/403 of secured endpoints itself, but without a body.
      if (existing.getContent() == null) {
        existing.setContent(content);
      }
      return;
    }
    op.getResponses()
        .addAPIResponse(
            status, OASFactory.createAPIResponse().description(description).content(content));
  }

  /** The RFC 9457 body as {@link Problem} renders it. */
  static final class ProblemSchema {
    private ProblemSchema() {}

    static Schema schema() {
      Schema fieldError =
          OASFactory.createSchema()
              .addType(Schema.SchemaType.OBJECT)
              .properties(
                  Map.of(
                      "field",
                      string("Offending field, dotted"),
                      "detail",
                      string("What is wrong")));
      return OASFactory.createSchema()
          .addType(Schema.SchemaType.OBJECT)
          .description("RFC 9457 problem details")
          .properties(
              Map.of(
                  "type", string("Stable problem type URI, " + Problem.TYPE_BASE + "{name}"),
                  "title", string("Short summary of the problem type"),
                  "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                  "detail", string("What went wrong with this request"),
                  "instance", string("Error id of a 500, to find it in the logs"),
                  "errors",
                      OASFactory.createSchema()
                          .addType(Schema.SchemaType.ARRAY)
                          .items(fieldError)
                          .description("For validation problems: each offending field")));
    }

    private static Schema string(String description) {
      return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
  }
}
