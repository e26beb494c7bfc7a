package dev.slipway.worker.messaging;

import java.util.ArrayList;
import java.util.List;

/** SQS batch calls take at most 10 entries; entry ids need only be unique within a call. */
final class SqsBatches {
  static final int MAX_ENTRIES = 10;

  private SqsBatches() {}

  static <T> List<List<T>> partition(List<T> items) {
    List<List<T>> batches = new ArrayList<>();
    for (int i = 0; i < items.size(); i += MAX_ENTRIES) {
      batches.add(items.subList(i, Math.min(items.size(), i + MAX_ENTRIES)));
    }
    return batches;
  }
}
