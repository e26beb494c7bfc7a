package dev.slipway.api.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The SQS side of a {@link JobPass}: receives that run on another thread while the pass handles a
 * batch, the end check, and the release of what the pass held. Short polls, except the one long
 * poll ({@code receive-wait}) that confirms an end the DLQ's counts cannot.
 */
final class PassReceives {
  private static final int RELEASE_PARTS = 4;
  private final DeadLetterQueue queue;
  private final Duration hold;
  private final int batch;
  private final ExecutorService threads;
  private final Function<List<DeadLetter>, Set<String>> checkAhead;

  /**
   * @param checkAhead which of a receive's messages some job already replaced, or null (not looked
   *     up)
   */
  PassReceives(
      DeadLetterQueue queue,
      Duration hold,
      int batch,
      ExecutorService threads,
      Function<List<DeadLetter>, Set<String>> checkAhead) {
    this.queue = queue;
    this.checkAhead = checkAhead;
    this.hold = hold;
    this.batch = batch;
    this.threads = threads;
  }

  /**
   * A receive under way.
   *
   * @param overlapped started while the pass handled messages: groups whose messages were in flight
   *     could not be delivered, so it cannot tell that everything was seen
   * @param longPoll waited {@code receive-wait}: SQS asked all its servers
   */
  record Poll(Future<Received> messages, boolean overlapped, boolean longPoll) {
    Received await() throws InterruptedException {
      try {
        return messages.get();
      } catch (ExecutionException e) {
        throw unwrapped(e);
      }
    }

    /** What a receive still running at the pass's end brings, so that it is released too. */
    List<DeadLetter> leftover() {
      try {
        return messages.get().messages();
      } catch (InterruptedException e) {
        messages.cancel(true); // shutting down: what it got reappears after the hold time
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // it received nothing: nothing to release
      }
      return List.of();
    }
  }

  /**
   * What a receive brought and, looked up on the receiving thread (so while the pass handles an
   * earlier batch), which of them some job already replaced; null when not looked up.
   */
  record Received(List<DeadLetter> messages, Set<String> replayed) {}

  Poll start(boolean overlapped, boolean longPoll) {
    return new Poll(
        threads.submit(
            () -> {
              List<DeadLetter> got =
                  longPoll ? queue.receive(batch, hold) : queue.receive(batch, hold, Duration.ZERO);
              return new Received(got, got.isEmpty() ? null : checkAhead.apply(got));
            }),
        overlapped,
        longPoll);
  }

  /** Whether the DLQ reports no visible message; when it cannot tell, a long poll decides. */
  boolean drained() {
    try {
      return queue.depth()[0] == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Releases in up to {@link #RELEASE_PARTS} parts of whole batches at once (each call mostly waits
   * for SQS); the caller's thread takes the first part.
   */
  void release(List<DeadLetter> all) {
    int part = (all.size() + 10 * RELEASE_PARTS - 1) / (10 * RELEASE_PARTS) * 10;
    List<Future<?>> others = new ArrayList<>();
    for (int from = part; from < all.size(); from += part) {
      List<DeadLetter> some = all.subList(from, Math.min(all.size(), from + part));
      others.add(threads.submit(() -> queue.release(some)));
    }
    queue.release(all.subList(0, Math.min(part, all.size())));
    for (Future<?> other : others) {
      try {
        other.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // shutting down: they reappear after the hold time
        return;
      } catch (ExecutionException e) {
        throw unwrapped(e);
      }
    }
  }

  /** The receive's or release's own exception, as if it had run on the caller's thread. */
  private static RuntimeException unwrapped(ExecutionException e) {
    return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
  }
}
