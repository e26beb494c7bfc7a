package dev.slipway.api.deadletters;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A chunk whose replacements are recorded and whose DLQ copies are being deleted on another thread,
 * so that the next chunk's send overlaps the delete. The results are final once the delete ended.
 */
final class PendingChunk {
  private final List<DeadLetter> messages;
  private final CompletableFuture<List<ReplayStep.Result>> results;
  private final String status;
  private final int reported;

  /**
   * @param status the job's status from the chunk's ledger statement; null when none updated the
   *     job's progress
   * @param reported the chunk's failures its statement already added to the job's counters
   */
  PendingChunk(
      List<DeadLetter> messages,
      CompletableFuture<List<ReplayStep.Result>> results,
      String status,
      int reported) {
    this.messages = messages;
    this.results = results;
    this.status = status;
    this.reported = reported;
  }

  List<DeadLetter> messages() {
    return messages;
  }

  String status() {
    return status;
  }

  int reported() {
    return reported;
  }

  /** The results of a chunk whose delete ended already (handled one message at a time). */
  List<ReplayStep.Result> now() {
    return results.join();
  }

  /** One result per message, in order, once the delete ended. */
  List<ReplayStep.Result> await() throws InterruptedException {
    try {
      return results.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the results of a chunk", e.getCause()); // never: see step
    }
  }
}
