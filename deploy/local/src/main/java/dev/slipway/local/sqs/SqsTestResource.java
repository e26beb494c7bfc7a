package dev.slipway.local.sqs;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Quarkus test resource: one ElasticMQ per JVM, a fresh FIFO queue pair per {@link #start()}.
 *
 * <p>Init args: {@code max-receive-count} (default 5), {@code visibility-timeout-seconds} (30),
 * {@code receive-wait-seconds} (20), {@code queue-url-property} ({@value
 * #DEFAULT_QUEUE_URL_PROPERTY}) and {@code dlq-url-property} ({@value #DEFAULT_DLQ_URL_PROPERTY}),
 * so a service can receive the URLs under its own config keys.
 */
public class SqsTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String DEFAULT_QUEUE_URL_PROPERTY = "slipway.test.queue-url";
  public static final String DEFAULT_DLQ_URL_PROPERTY = "slipway.test.dlq-url";
  public static final String ENDPOINT_PROPERTY = "slipway.test.sqs-endpoint";

  // JVM-wide like the server: the test may run in another class loader than the resource did.
  private static final String CURRENT = "slipway.local.sqs.current.";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static ElasticMqServer server; // a handle per class loader, one server per JVM

  private Map<String, String> args = Map.of();

  @Override
  public void init(Map<String, String> initArgs) {
    args = Map.copyOf(initArgs);
  }

  @Override
  public Map<String, String> start() {
    ElasticMqServer mq = server();
    CommandQueues queues =
        mq.createCommandQueues(
            uniqueBaseName(),
            intArg("max-receive-count", 5),
            Duration.ofSeconds(intArg("visibility-timeout-seconds", 30)),
            Duration.ofSeconds(intArg("receive-wait-seconds", 20)));
    remember(queues);

    Map<String, String> config = new HashMap<>();
    config.put("quarkus.sqs.endpoint-override", mq.endpoint());
    config.put("quarkus.sqs.aws.region", ElasticMqServer.REGION);
    config.put("quarkus.sqs.aws.credentials.type", "static");
    config.put(
        "quarkus.sqs.aws.credentials.static-provider.access-key-id", ElasticMqServer.ACCESS_KEY_ID);
    config.put(
        "quarkus.sqs.aws.credentials.static-provider.secret-access-key",
        ElasticMqServer.SECRET_ACCESS_KEY);
    config.put("quarkus.sqs.devservices.enabled", "false");
    config.put(ENDPOINT_PROPERTY, mq.endpoint());
    config.put(
        args.getOrDefault("queue-url-property", DEFAULT_QUEUE_URL_PROPERTY), queues.queueUrl());
    config.put(args.getOrDefault("dlq-url-property", DEFAULT_DLQ_URL_PROPERTY), queues.dlqUrl());
    return config;
  }

  // Queues are left in place: they are uniquely named, in memory, and gone when the JVM exits.
  @Override
  public void stop() {}

  /** The JVM-wide server (see {@link SharedElasticMq}), started on first use. */
  public static synchronized ElasticMqServer server() {
    if (server == null) {
      server = SharedElasticMq.attach();
    }
    return server;
  }

  /** The queue pair created by the most recent {@link #start()} in this JVM. */
  public static CommandQueues queues() {
    String queueUrl = System.getProperty(CURRENT + "queue-url");
    if (queueUrl == null) {
      throw new IllegalStateException("SqsTestResource has not been started in this JVM");
    }
    return new CommandQueues(
        queueUrl,
        System.getProperty(CURRENT + "dlq-url"),
        System.getProperty(CURRENT + "queue-arn"),
        System.getProperty(CURRENT + "dlq-arn"));
  }

  public static String queueUrl() {
    return queues().queueUrl();
  }

  public static String dlqUrl() {
    return queues().dlqUrl();
  }

  /** A client of the shared server; do not close it. */
  public static SqsClient client() {
    return server().client();
  }

  private static void remember(CommandQueues queues) {
    System.setProperty(CURRENT + "queue-url", queues.queueUrl());
    System.setProperty(CURRENT + "dlq-url", queues.dlqUrl());
    System.setProperty(CURRENT + "queue-arn", queues.queueArn());
    System.setProperty(CURRENT + "dlq-arn", queues.dlqArn());
  }

  private int intArg(String name, int defaultValue) {
    String value = args.get(name);
    return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.trim());
  }

  private static String uniqueBaseName() {
    String random = UUID.randomUUID().toString().substring(0, 8);
    return "slipway-test-" + SEQUENCE.incrementAndGet() + "-" + random;
  }
}
