package dev.slipway.local.sqs;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds SQS clients for an ElasticMQ endpoint and keeps one lazily created shared client. */
final class SqsClientHolder implements AutoCloseable {

  private final String endpoint;
  private SqsClient shared;
  private boolean closed;

  SqsClientHolder(String endpoint) {
    this.endpoint = endpoint;
  }

  synchronized SqsClient shared() {
    if (closed) {
      throw new IllegalStateException("closed: " + endpoint);
    }
    if (shared == null) {
      shared = newClient(endpoint);
    }
    return shared;
  }

  static SqsClient newClient(String endpoint) {
    return SqsClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.of(ElasticMqServer.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    ElasticMqServer.ACCESS_KEY_ID, ElasticMqServer.SECRET_ACCESS_KEY)))
        // Explicit, because apache-client and netty-nio-client are on the classpath too.
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (shared != null) {
      shared.close();
    }
  }
}
