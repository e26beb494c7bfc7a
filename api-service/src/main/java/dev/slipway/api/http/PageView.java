package dev.slipway.api.http;

import java.util.List;

/** A page of a listing; pass {@code nextCursor} as {@code cursor} for the next page. */
public record PageView<T>(List<T> items, String nextCursor) {}
