package dev.slipway.reconciler.repair;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BooleanSupplier;

/**
 * Each repair as the root of its own trace, linked to the pass that decided it: the RECONCILE it
 * enqueues records this trace in its envelope (NewCommand), so the relay's send and the worker's
 * handling join it, and one repair is followed like one API request. A trace per pass would hold
 * hundreds of unrelated commands.
 */
@ApplicationScoped
public class RepairTracing {
  static final String SPAN_NAME = "slipway.reconcile repair";
  private final Tracer tracer;

  RepairTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** The current span: the pass's, when a pass runs. */
  SpanContext pass() {
    return Span.current().getSpanContext();
  }

  /** Runs one repair in its span; what it returned, or its exception, unchanged. */
  boolean run(SpanContext pass, String what, BooleanSupplier action) {
    var builder = tracer.spanBuilder(SPAN_NAME).setNoParent().setAttribute("slipway.repair", what);
    if (pass.isValid()) {
      builder.addLink(pass);
    }
    Span span = builder.startSpan();
    try (Scope ignored = span.makeCurrent()) {
      boolean done = action.getAsBoolean();
      span.setAttribute("slipway.repair.done", done);
      return done;
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}
