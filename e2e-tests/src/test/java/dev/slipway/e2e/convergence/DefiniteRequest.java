package dev.slipway.e2e.convergence;

import java.io.IOException;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One request of a tenant's session, under a fresh Idempotency-Key. An unknown outcome (timeout,
 * refused or dropped connection, 5xx) is retried with the same key after a back-off (0.2 s doubling
 * to 3.2 s) until the answer is definite: acknowledged (2xx) or refused (4xx). That answer goes to
 * the history, then to {@code then}.
 */
final class DefiniteRequest {
  private final TenantSession.Load load;
  private final TenantModel model;
  private final String action;
  private final String method;
  private final String path;
  private final String body;
  private final String key = UUID.randomUUID().toString();
  private final Consumer<ApiClient.Answer> then;
  private final BiConsumer<Runnable, Long> later;

  DefiniteRequest(
      TenantSession.Load load,
      TenantModel model,
      String action,
      String method,
      String path,
      String body,
      Consumer<ApiClient.Answer> then,
      BiConsumer<Runnable, Long> later) {
    this.load = load;
    this.model = model;
    this.action = action;
    this.method = method;
    this.path = path;
    this.body = body;
    this.then = then;
    this.later = later;
  }

  void send() {
    attempt(1);
  }

  private void attempt(int attempt) {
    ApiClient.Answer answer;
    try {
      answer = load.api().send(method, path, body, key);
    } catch (IOException e) {
      retry(attempt);
      return;
    }
    if (answer.status() >= 500) {
      retry(attempt);
      return;
    }
    load.history()
        .record(
            new History.Exchange(
                model.phase(),
                model.slug(),
                action,
                key,
                attempt,
                answer.status(),
                answer.replayed()));
    then.accept(answer);
  }

  private void retry(int attempt) {
    load.history().attemptUnknown();
    long delay = 200L << Math.min(attempt - 1, 4);
    later.accept(() -> attempt(attempt + 1), delay);
  }
}
