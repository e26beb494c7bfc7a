package dev.slipway.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * All configuration of the provisioner-worker, under {@code slipway.worker}. The tenant fleet it
 * renders (namespaces, domain, image, ingress) is the shared {@link
 * dev.slipway.shared.fleet.FleetConfig}.
 */
@ConfigMapping(prefix = "slipway.worker")
public interface WorkerConfig {

  /** URL of the SQS FIFO command queue to consume. */
  String queueUrl();

  /**
   * URL of the command queue's dead-letter queue: the worker moves commands out of attempts and
   * unreadable messages there, and reports its depth (the DLQ alerts read it).
   */
  String dlqUrl();

  /** How often queue depths are read (GetQueueAttributes) for the queue metrics. */
  @WithDefault("15s")
  Duration queueMetricsInterval();

  /**
   * The poll loop is reported not live when it has not come round for this long (a stuck receive or
   * handler); Kubernetes then restarts the pod.
   */
  @WithDefault("5m")
  Duration pollLoopStallAfter();

  /** Receiving from the queue. */
  Consumer consumer();

  /** Back-off of transient failures (redelivery through the message's visibility timeout). */
  Retry retry();

  /** The Deployment informer that writes observed readiness back to the database. */
  Status status();

  /** Rate and concurrency of the worker's calls to the Kubernetes API server. */
  Kubernetes kubernetes();

  /** Timeout of each database statement issued while processing a command. */
  @WithDefault("10s")
  Duration dbTimeout();

  interface Consumer {
    /** Start consuming at startup. Off only in tests that drive the processor directly. */
    @WithDefault("true")
    boolean enabled();

    /** Long-poll wait of each ReceiveMessage call (SQS maximum 20 s). */
    @WithDefault("20s")
    Duration waitTime();

    /** Messages per ReceiveMessage call (SQS maximum 10). */
    @WithDefault("10")
    int maxMessages();

    /**
     * How often the visibility of a message being processed is extended. Keep it well below the
     * queue's visibility timeout and {@link #heartbeatExtension()}.
     */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** Each extension makes the message invisible for this long from now. */
    @WithDefault("30s")
    Duration heartbeatExtension();

    /**
     * Longest wait between polls while the queue fails (the wait doubles from 200 ms up to this).
     * It is also how late the worker may notice the queue is back after an outage, so keep it
     * short: a failing poll is one cheap request.
     */
    @WithDefault("5s")
    Duration maxPollBackoff();

    /**
     * Threads long-polling the queue at the same time. Two keep a receive open while the other
     * hands its batch over. Keep it low against ElasticMQ with thousands of message groups queued:
     * its FIFO group selection slows down with every concurrent receiver (AWS SQS does not).
     */
    @WithDefault("2")
    int receivers();

    /** Threads processing messages; messages of different tenants run in parallel up to this. */
    @WithDefault("8")
    int workers();

    /**
     * Messages received and not yet deleted or released, across all receivers (back-pressure):
     * receiving pauses while this many are held, and under load (the receiver's last receive came
     * back full) resumes once half of it is free (up to a second), so that receives come in
     * batches. Twice {@link #maxMessages()} keeps batches full.
     */
    @WithDefault("20")
    int maxInFlight();

    /**
     * On SIGTERM, how long in-flight work may run before what is left is released (visibility 0)
     * for another worker. Keep it several seconds below the pod's terminationGracePeriodSeconds (30
     * s by default) so the release and the rest of shutdown fit before the SIGKILL.
     */
    @WithDefault("20s")
    Duration shutdownTimeout();
  }

  /**
   * Limits on the Kubernetes API. EKS serves requests through API Priority and Fairness: a service
   * account's requests share a priority level's concurrency seats, and too many at once are queued
   * or rejected with 429 and a Retry-After. By default ({@code pacing=adaptive}) the worker, like
   * client-go, leaves the pacing to the server when its answers carry the APF headers and honours
   * every 429 (see {@link #throttleMaxWait()}); the QPS/burst limit applies only to servers without
   * APF, or always with {@code pacing=fixed}.
   */
  interface Kubernetes {
    /**
     * {@code adaptive}: the QPS/burst token bucket applies only while the API server's answers
     * carry no API Priority and Fairness headers; {@code fixed}: it always applies.
     */
    @WithDefault("adaptive")
    Pacing pacing();

    /** Sustained requests per second from the applier (token bucket refill rate), see pacing. */
    @WithDefault("20")
    double qps();

    /** Requests the applier may send at once above the sustained rate (token bucket size). */
    @WithDefault("40")
    int burst();

    /**
     * How long one request may keep waiting on 429 answers (each wait the server's Retry-After)
     * before the command fails as transient and the queue retries it.
     */
    @WithDefault("2m")
    Duration throttleMaxWait();

    /** Concurrent HTTP requests of the fabric8 client (its own default is 64). */
    @WithDefault("16")
    int maxConcurrentRequests();

    /** Timeout of one API request; a slow server then fails the attempt as transient. */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * How long a write the worker got no answer for (a timeout, a reset connection, 500 or 504) may
     * still land on the API server: kube-apiserver finishes a request after its client gave up (its
     * own --request-timeout is 60 s). The command's retry waits at least this long, holding the
     * tenant's message group, so that no later command (a delete, a newer generation) can be
     * applied before that write and then be overwritten by it.
     */
    @WithDefault("60s")
    Duration inDoubtWindow();

    /**
     * In-client retries of 5xx/429/I-O failures before the command fails as transient. Few: the
     * queue retries with back-off anyway, and an in-client retry holds a worker thread.
     */
    @WithDefault("2")
    int retryBackoffLimit();

    /** First in-client retry delay (fabric8 doubles it per retry). */
    @WithDefault("250ms")
    Duration retryBackoffInterval();

    /**
     * Tenants whose last apply (generation, resourceVersions) the worker remembers in memory, so
     * that a later change needs no read before its applies (apply.LastApplied); the least recently
     * converged are dropped beyond it, and a tenant not remembered costs one request more per
     * object it must not have (about 300 bytes per tenant).
     */
    @WithDefault("10000")
    int rememberedTenants();
  }

  /** How the worker paces its Kubernetes requests, see {@link Kubernetes#pacing()}. */
  enum Pacing {
    ADAPTIVE,
    FIXED
  }

  interface Retry {
    /** Delay of the first retry; doubled per receive, with full jitter. */
    @WithDefault("2s")
    Duration baseDelay();

    /** Upper bound of one retry delay. */
    @WithDefault("5m")
    Duration maxDelay();

    /**
     * Attempts of a command (its operation's, counted in the database) after which a transient
     * failure moves it to the dead-letter queue instead of retrying: its tenant's next command runs
     * at once, and an operator replays it. The queue's own maxReceiveCount is only the backstop for
     * a worker that dies on a message; keep it at twice this or more
     * (deploy/terraform/variables.tf). Below 1 counts as 1.
     */
    @WithDefault("10")
    int maxAttempts();
  }

  interface Status {
    /** Run the Deployment informer in this process. */
    @WithDefault("true")
    boolean enabled();

    /** Informer resync: re-evaluates every Deployment's status even without an event. */
    @WithDefault("5m")
    Duration resync();

    /**
     * How often a status write that failed (PostgreSQL restarting or failing over) is retried from
     * the informer's cache. Without it the row keeps its last phase until the next resync.
     */
    @WithDefault("5s")
    Duration retryInterval();
  }
}
