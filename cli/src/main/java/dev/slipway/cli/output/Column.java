package dev.slipway.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/** One column of a table: its header and how to read a cell from a row of the API's JSON. */
public record Column(String header, Function<JsonNode, String> cell) {

  /** A column showing the field at a dotted path ({@code nodes.needed}). */
  public static Column of(String header, String path) {
    return new Column(header, row -> Fields.text(row, path));
  }
}
