package dev.slipway.api.tokens;

import dev.slipway.api.tokens.TokenKeyStore.Secret;
import dev.slipway.shared.tokens.SealedValue;
import dev.slipway.shared.tokens.TokenCipher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Seals and re-wraps stored secrets in batches, one transaction each. Two uses: the one-time
 * migration of rows written before issue 22 (scheduled, clear rows only), and KEK rotation (on
 * request: every row not under the current KEK). Progress is in the rows themselves (their KEK id),
 * so a run stopped anywhere resumes by running again. The schedule never re-wraps sealed rows: two
 * replicas configured with different KEKs during a deploy would otherwise re-wrap back and forth.
 */
@ApplicationScoped
public class TokenKeyJob {
  private static final Logger LOG = Logger.getLogger(TokenKeyJob.class);
  static final int BATCH = 200;
  private final Pool pool;
  private final TokenKeyStore store;
  private final TokenSealing sealing;
  private final Vertx vertx;

  TokenKeyJob(Pool pool, TokenKeyStore store, TokenSealing sealing, Vertx vertx) {
    this.pool = pool;
    this.store = store;
    this.sealing = sealing;
    this.vertx = vertx;
  }

  /** What a run did and what is left. */
  public record Progress(
      String keyId, long tenants, long bodies, long tenantsLeft, long bodiesLeft) {
    public boolean done() {
      return tenantsLeft == 0 && bodiesLeft == 0;
    }
  }

  @Scheduled(every = "${slipway.tokens.migrate-interval}", delayed = "5s")
  Uni<Void> migrateOnSchedule() {
    return run(false, Duration.ofMinutes(1))
        .invoke(
            p -> {
              if (p.tenants() + p.bodies() > 0) {
                LOG.infof(
                    "sealed %d clear gateway tokens and %d stored responses; %d and %d left",
                    p.tenants(), p.bodies(), p.tenantsLeft(), p.bodiesLeft());
              }
            })
        .onFailure()
        .invoke(e -> LOG.warnf("sealing clear gateway tokens failed: %s", e.getMessage()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Batches until nothing is left or {@code budget} is spent.
   *
   * @param rotate true: re-wrap everything not under the current KEK; false: seal clear rows only
   */
  public Uni<Progress> run(boolean rotate, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    String target = rotate ? sealing.currentKeyId() : null;
    return loop(target, deadline, 0, 0)
        .flatMap(
            done ->
                store
                    .remaining(target)
                    .map(
                        left ->
                            new Progress(
                                sealing.currentKeyId(), done[0], done[1], left[0], left[1])));
  }

  /** Nothing done, what rotation has left. */
  public Uni<Progress> remaining() {
    String target = sealing.currentKeyId();
    return store.remaining(target).map(left -> new Progress(target, 0, 0, left[0], left[1]));
  }

  private Uni<long[]> loop(String target, long deadline, long tenants, long bodies) {
    return batch(target)
        .flatMap(
            did -> {
              long[] total = {tenants + did[0], bodies + did[1]};
              boolean more = did[0] + did[1] > 0 && System.nanoTime() < deadline;
              return more
                  ? loop(target, deadline, total[0], total[1])
                  : Uni.createFrom().item(total);
            });
  }

  /** One batch of each kind, in one transaction: {tenants, bodies} done. */
  private Uni<long[]> batch(String target) {
    return pool.withTransaction(
        tx ->
            store
                .claimTenants(tx, target, BATCH)
                .flatMap(tenants -> rewrite(tx, tenants))
                .flatMap(
                    tenants ->
                        store
                            .claimBodies(tx, target, BATCH)
                            .flatMap(bodies -> rewrite(tx, bodies))
                            .map(bodies -> new long[] {tenants, bodies})));
  }

  private Uni<Integer> rewrite(SqlClient tx, List<Secret> secrets) {
    if (secrets.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    TokenCipher cipher = sealing.cipher();
    // Crypto off the event loop (KMS calls), all of the batch at once.
    return vertx
        .executeBlocking(Uni.createFrom().item(() -> sealAll(cipher, secrets)), false)
        .flatMap(
            texts -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (int i = 0; i < secrets.size(); i++) {
                Secret secret = secrets.get(i);
                String text = texts.get(i);
                chain =
                    chain.flatMap(v -> store.store(tx, secret, text, TokenCipher.keyIdOf(text)));
              }
              return chain.replaceWith(secrets.size());
            });
  }

  private static List<String> sealAll(TokenCipher cipher, List<Secret> secrets) {
    List<String> out = new ArrayList<>(secrets.size());
    for (Secret secret : secrets) {
      out.add(
          SealedValue.isSealed(secret.text())
              ? cipher.rewrap(secret.text())
              : cipher.seal(secret.text()));
    }
    return out;
  }
}
