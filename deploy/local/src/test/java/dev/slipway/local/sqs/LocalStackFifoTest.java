package dev.slipway.local.sqs;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The FIFO contract against LocalStack's SQS, through Testcontainers. Needs a Docker engine:
 * without one JUnit reports it skipped ("disabledWithoutDocker"). {@code
 * -Dslipway.localstack=false} skips it where Docker exists but LocalStack's image cannot be pulled.
 */
@Testcontainers(disabledWithoutDocker = true)
@DisabledIfSystemProperty(named = "slipway.localstack", matches = "false")
class LocalStackFifoTest extends FifoQueueContract {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
          .withServices(LocalStackContainer.Service.SQS);

  private static SqsClient sqs;

  @BeforeAll
  static void connect() {
    sqs =
        SqsClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterAll
  static void disconnect() {
    if (sqs != null) {
      sqs.close();
    }
  }

  @Override
  SqsClient client() {
    return sqs;
  }

  @Override
  CommandQueues createCommandQueues(
      String base, int maxReceiveCount, Duration visibility, Duration receiveWait) {
    return new FifoQueueFactory(sqs)
        .createCommandQueues(base, maxReceiveCount, visibility, receiveWait);
  }
}
