package dev.slipway.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** All configuration of the api-service, under {@code slipway.api}. */
@ConfigMapping(prefix = "slipway.api")
public interface ApiConfig {

  /** URL of the SQS FIFO command queue the outbox relay publishes to. */
  String queueUrl();

  /** DNS domain under which tenant gateways are served: {@code wss://{slug}.{domain}}. */
  @WithDefault("example.com")
  String domain();

  /**
   * Slugs no tenant may take: they would shadow host names the platform itself serves under the
   * tenant domain. Compared case-insensitively.
   */
  @WithDefault(
      "api,www,admin,app,auth,login,mail,smtp,ftp,status,docs,help,ops,grafana,prometheus,slipway")
  java.util.List<String> reservedSlugs();

  /** How often the tenants-per-phase gauges are refreshed from the database. */
  @WithDefault("30s")
  java.time.Duration phaseMetricsInterval();

  /** Largest request body accepted, in bytes; larger ones answer 413 before being read. */
  @WithDefault("65536")
  long maxBodyBytes();

  /** Plan a tenant gets when its create request names none; must be in {@link #plans()}. */
  @WithDefault("small")
  String defaultPlan();

  /**
   * The plan catalogue by name ({@code slipway.api.plans.<name>.*}), listed by {@code GET
   * /v1/plans}. The shipped catalogue (small, standard, large) is set in application.properties; a
   * deployment replaces or extends it there or through the environment. A tenant keeps a copy of
   * its plan's values, so editing a plan resizes nobody until the tenant is updated.
   */
  Map<String, Plan> plans();

  interface Plan {
    /** One line for humans choosing a plan. */
    @WithDefault("")
    String description();

    /** Replicas while started when the plan does not autoscale. */
    @WithDefault("1")
    int replicas();

    /** Container CPU request, a Kubernetes quantity such as {@code 50m}. */
    String cpuRequest();

    /** Container memory request, such as {@code 64Mi}. */
    String memoryRequest();

    /** Container CPU limit. */
    String cpuLimit();

    /** Container memory limit. */
    String memoryLimit();

    /** A HorizontalPodAutoscaler while started; absent for a fixed replica count. */
    Optional<PlanAutoscaling> autoscaling();

    /** Gateway capacity and rate limits a tenant on this plan starts with. */
    PlanGateway gateway();
  }

  interface PlanAutoscaling {
    /** Replicas the autoscaler never goes below (and a started tenant starts with). */
    int minReplicas();

    /** Replicas the autoscaler never goes above. */
    int maxReplicas();

    /** Average CPU utilisation, in percent of the request, the autoscaler aims for. */
    @WithDefault("70")
    int cpuTargetPercent();
  }

  interface PlanGateway {
    /** Concurrent WebSocket connections per tenant. */
    int maxConnections();

    /** Sustained requests per second per tenant. */
    int requestsPerSecond();

    /** Requests allowed above the sustained rate in a burst. */
    int burst();

    /** Work the gateway queues before shedding load ({@code limits.proc.max_queue_size}). */
    int maxQueueSize();
  }

  /** The outbox relay that publishes committed commands to the queue. */
  Outbox outbox();

  /** Idempotency-Key handling of mutating requests. */
  Idempotency idempotency();

  /** Per-caller limit on writes (POST, PATCH, DELETE); excess answers 429 with Retry-After. */
  RateLimit rateLimit();

  /** Capacity and cost estimate of the fleet ({@code GET /v1/ops/capacity}). */
  Capacity capacity();

  /**
   * Defaults from seed 000's cost estimate: tenants packed on t3.small spot nodes, plus the fixed
   * monthly costs of the platform. Prices are USD per month; adjust per region and contract.
   */
  interface Capacity {
    /** Node type the fleet runs on; only a label in the report. */
    @WithDefault("t3.small")
    String nodeType();

    /** CPU a node offers to pods (after system and kubelet reservations), a quantity. */
    @WithDefault("1930m")
    String nodeAllocatableCpu();

    /** Memory a node offers to pods, a quantity. t3.small: 2 GiB minus reservations. */
    @WithDefault("1450Mi")
    String nodeAllocatableMemory();

    /** Pods a node can hold: on EKS bounded by ENI IPs (t3.small: 11) unless prefix delegation. */
    @WithDefault("11")
    int nodeMaxPods();

    /** Monthly price of one node (seed 000: t3.small spot, about 6 USD). */
    @WithDefault("6")
    double nodeMonthlyPrice();

    /**
     * Fixed monthly costs by item ({@code slipway.api.capacity.fixed-monthly.<item>}), whatever the
     * fleet size. The shipped values (application.properties) are seed 000's: EKS control plane 75,
     * Fargate API task 8, RDS db.t4g.micro 12, ALB 16, ECR 1, Route 53 0.5.
     */
    Map<String, Double> fixedMonthly();
  }

  interface RateLimit {
    /** Turn off only behind a gateway that already limits per caller. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained writes per second per caller (token subject), per API replica. */
    @WithDefault("50")
    double writesPerSecond();

    /** Writes a caller may make at once before the sustained rate applies. */
    @WithDefault("100")
    int burst();
  }

  interface Idempotency {
    /** How long a key and its stored response are kept; clients may retry within it. */
    @WithDefault("24h")
    Duration retention();

    /** How often expired keys are deleted. */
    @WithDefault("1h")
    Duration cleanupInterval();
  }

  interface Outbox {
    /** Run the relay in this process. Turn off only for API replicas that must never publish. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the relay looks for pending rows when nothing woke it. Commands written by this
     * process wake it at once; the poll picks up rows written by other replicas or left by a crash.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Rows claimed per relay transaction (sent in SQS batches of 10). */
    @WithDefault("100")
    int batchSize();

    /** Upper bound of the back-off after consecutive publish failures (queue unreachable). */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * Wake the relay on PostgreSQL notifications (LISTEN slipway_outbox, sent by a trigger on every
     * outbox insert) so rows written by other replicas go out at once. Holds one JDBC connection.
     * Turn off where LISTEN cannot work (a PgBouncer in transaction mode): the poll then carries.
     */
    @WithDefault("true")
    boolean listen();

    /** Sent rows older than this are deleted. Keep it above the 5-minute SQS dedup window. */
    @WithDefault("7d")
    Duration retention();

    /** How often sent rows past the retention are deleted (every replica; deletes skip locks). */
    @WithDefault("5m")
    Duration cleanupInterval();

    /** Rows deleted per cleanup statement, bounding each transaction and its locks. */
    @WithDefault("1000")
    int cleanupBatchSize();

    /** How often the pending count and the oldest pending age (gauges) are refreshed. */
    @WithDefault("10s")
    Duration statsInterval();
  }

  /** Dead-letter operations under {@code /v1/ops}: listing, replay and purge jobs, audit. */
  Ops ops();

  interface Ops {
    /**
     * URL of the command queue's dead-letter queue. Unset: the dead-letter endpoints answer 503
     * (the audit and job endpoints still work).
     */
    Optional<String> dlqUrl();

    /**
     * How long a scan holds the messages it received before releasing them. A FIFO queue delivers
     * nothing more of a message group while one of its messages is held, so a scan holds all it got
     * until it has seen everything reachable; this bounds how long a crashed scan hides them.
     */
    @WithDefault("30s")
    Duration scanVisibility();

    /** Long-poll wait of each scan receive; 1 s or more makes SQS ask all its servers. */
    @WithDefault("1s")
    Duration receiveWait();

    /** Most messages one scan (listing, dry run, one job pass) looks at. */
    @WithDefault("1000")
    int maxScan();

    /** Messages per second a replay processes when the request names no rate. */
    @WithDefault("5")
    double defaultRate();

    /** Highest rate a replay may ask for, in messages per second. */
    @WithDefault("50")
    double maxRate();

    /** Most messages one job handles when the request names no {@code maxCount}. */
    @WithDefault("1000")
    int defaultMaxCount();

    /** Jobs run at once in one API process; more wait for a free thread. */
    @WithDefault("2")
    int jobThreads();

    /**
     * A RUNNING job whose heartbeat is older than this is taken as orphaned (its process died) and
     * resumed by the next sweep of any API process. Keep well above one message at the slowest rate
     * (10 s at the minimum 0.1/s) plus a scan receive.
     */
    @WithDefault("2m")
    Duration jobStaleAfter();

    /** How often each API process looks for orphaned jobs to resume. */
    @WithDefault("30s")
    Duration jobSweepInterval();

    /** How often the dead-letter queue depth gauge is refreshed. */
    @WithDefault("30s")
    Duration depthMetricsInterval();
  }
}
