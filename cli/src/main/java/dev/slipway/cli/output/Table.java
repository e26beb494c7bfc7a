package dev.slipway.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table like kubectl's: upper-case headers, columns padded by three spaces. */
public final class Table {
  private static final String GAP = "   ";

  private Table() {}

  public static String render(List<Column> columns, Iterable<JsonNode> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(columns.stream().map(Column::header).toArray(String[]::new));
    for (JsonNode row : rows) {
      cells.add(columns.stream().map(c -> c.cell().apply(row)).toArray(String[]::new));
    }
    int[] widths = new int[columns.size()];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : cells) {
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        l.append(line[i]);
        if (i < line.length - 1) {
          l.append(" ".repeat(widths[i] - line[i].length())).append(GAP);
        }
      }
      out.append(l.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** Two columns of field names and values, for one object with more fields than fit a row. */
  public static String details(List<Column> fields, JsonNode node) {
    int width = fields.stream().mapToInt(f -> f.header().length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (Column f : fields) {
      String value = f.cell().apply(node);
      out.append(f.header())
          .append(':')
          .append(" ".repeat(width - f.header().length() + 1))
          .append(value)
          .append('\n');
    }
    return out.toString();
  }
}
