package dev.slipway.api.deadletters;

import java.util.List;

/**
 * A page of {@code GET /v1/ops/dead-letters}.
 *
 * @param nextCursor for the next page; absent on the last
 * @param scanned messages the scan behind this page looked at (filtered or not)
 * @param scanLimitReached the scan stopped at {@code slipway.api.ops.max-scan} messages, so the DLQ
 *     may hold more: no page shows them until earlier ones are replayed or purged (a replay job
 *     goes on past them)
 */
public record DeadLetterPageView(
    List<DeadLetterView> items, String nextCursor, int scanned, boolean scanLimitReached) {}
