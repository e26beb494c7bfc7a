package dev.slipway.e2e.tracing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads an OTLP {@code ExportTraceServiceRequest} (the body of {@code POST /v1/traces}, protobuf)
 * into {@link ReceivedSpan}s, straight from the wire format: only the fields the trace tests check,
 * every other field skipped. The field numbers are those of opentelemetry-proto's
 * trace/v1/trace.proto, common/v1/common.proto and resource/v1/resource.proto, which are not on the
 * build's class path; protobuf-java (managed by the Quarkus BOM) supplies the wire reader.
 */
final class OtlpTraceRequest {
  private static final HexFormat HEX = HexFormat.of();

  private OtlpTraceRequest() {}

  /** ExportTraceServiceRequest: repeated ResourceSpans resource_spans = 1. */
  static List<ReceivedSpan> parse(byte[] body) throws IOException {
    List<ReceivedSpan> out = new ArrayList<>();
    CodedInputStream in = CodedInputStream.newInstance(body);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (field(tag) == 1) {
        resourceSpans(in.readBytes(), out);
      } else {
        in.skipField(tag);
      }
    }
    return out;
  }

  /** ResourceSpans: Resource resource = 1, repeated ScopeSpans scope_spans = 2. */
  private static void resourceSpans(ByteString bytes, List<ReceivedSpan> out) throws IOException {
    String service = "";
    List<ByteString> scopes = new ArrayList<>();
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (field(tag)) {
        case 1 -> service = attributes(in.readBytes(), 1).getOrDefault("service.name", "");
        case 2 -> scopes.add(in.readBytes());
        default -> in.skipField(tag);
      }
    }
    for (ByteString scope : scopes) {
      // ScopeSpans: InstrumentationScope scope = 1, repeated Span spans = 2.
      CodedInputStream s = scope.newCodedInput();
      for (int tag = s.readTag(); tag != 0; tag = s.readTag()) {
        if (field(tag) == 2) {
          out.add(span(service, s.readBytes()));
        } else {
          s.skipField(tag);
        }
      }
    }
  }

  /**
   * Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6, attributes = 9, links
   * = 13.
   */
  private static ReceivedSpan span(String service, ByteString bytes) throws IOException {
    String traceId = "";
    String spanId = "";
    String parent = "";
    String name = "";
    int kind = 0;
    Map<String, String> attributes = new HashMap<>();
    List<String> links = new ArrayList<>();
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (field(tag)) {
        case 1 -> traceId = hex(in.readBytes());
        case 2 -> spanId = hex(in.readBytes());
        case 4 -> parent = hex(in.readBytes());
        case 5 -> name = in.readString();
        case 6 -> kind = in.readEnum();
        case 9 -> attributes.putAll(keyValue(in.readBytes()));
        case 13 -> links.add(link(in.readBytes()));
        default -> in.skipField(tag);
      }
    }
    return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes, links);
  }

  /** Span.Link: trace_id = 1, span_id = 2; as {@code traceId/spanId}. */
  private static String link(ByteString bytes) throws IOException {
    String traceId = "";
    String spanId = "";
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (field(tag)) {
        case 1 -> traceId = hex(in.readBytes());
        case 2 -> spanId = hex(in.readBytes());
        default -> in.skipField(tag);
      }
    }
    return traceId + "/" + spanId;
  }

  /** The repeated KeyValue field {@code number} of a message (Resource's attributes = 1). */
  private static Map<String, String> attributes(ByteString bytes, int number) throws IOException {
    Map<String, String> out = new HashMap<>();
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (field(tag) == number) {
        out.putAll(keyValue(in.readBytes()));
      } else {
        in.skipField(tag);
      }
    }
    return out;
  }

  /** KeyValue: string key = 1, AnyValue value = 2. */
  private static Map<String, String> keyValue(ByteString bytes) throws IOException {
    String key = "";
    String value = "";
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (field(tag)) {
        case 1 -> key = in.readString();
        case 2 -> value = anyValue(in.readBytes());
        default -> in.skipField(tag);
      }
    }
    return Map.of(key, value);
  }

  /** AnyValue: string = 1, bool = 2, int = 3, double = 4 (arrays, maps, bytes left out). */
  private static String anyValue(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    String value = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (field(tag)) {
        case 1 -> value = in.readString();
        case 2 -> value = Boolean.toString(in.readBool());
        case 3 -> value = Long.toString(in.readInt64());
        case 4 -> value = Double.toString(in.readDouble());
        default -> in.skipField(tag);
      }
    }
    return value;
  }

  private static int field(int tag) {
    return WireFormat.getTagFieldNumber(tag);
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }
}
