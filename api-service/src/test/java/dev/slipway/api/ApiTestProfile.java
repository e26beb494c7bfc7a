package dev.slipway.api;

import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.local.sqs.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real embedded PostgreSQL and ElasticMQ every api-service @QuarkusTest runs against. */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(
    value = SqsTestResource.class,
    restrictToAnnotatedClass = false,
    initArgs = @ResourceArg(name = "queue-url-property", value = "slipway.api.queue-url"))
public final class ApiTestProfile {
  private ApiTestProfile() {}
}
