package dev.slipway.api;

import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.local.sqs.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real embedded PostgreSQL and ElasticMQ every api-service @QuarkusTest runs against. */
// The API connects as its own database role, the schema's owner, as in production.
@QuarkusTestResource(
    value = PostgresTestResource.class,
    restrictToAnnotatedClass = false,
    initArgs = @ResourceArg(name = PostgresTestResource.ROLE_ARG, value = "slipway_api"))
@QuarkusTestResource(
    value = SqsTestResource.class,
    restrictToAnnotatedClass = false,
    initArgs = @ResourceArg(name = "queue-url-property", value = "slipway.api.queue-url"))
public final class ApiTestProfile {
  private ApiTestProfile() {}
}
