package dev.slipway.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints what the API answered in the chosen format. JSON and YAML are the API's body unchanged
 * (what scripts rely on); a table shows the columns a person reads first.
 */
public final class Printer {
  private final OutputFormat format;
  private final PrintWriter out;
  private final PrintWriter err;
  private final ObjectMapper json;
  private final ObjectMapper yaml;

  public Printer(
      OutputFormat format, PrintWriter out, PrintWriter err, ObjectMapper json, ObjectMapper yaml) {
    this.format = format;
    this.out = out;
    this.err = err;
    this.json = json;
    this.yaml = yaml;
  }

  /** A page ({@code items}, {@code nextCursor}): a table of its items, or the body as is. */
  public void page(JsonNode page, List<Column> columns, String noun) {
    if (format != OutputFormat.table) {
      raw(page);
      return;
    }
    JsonNode items = page.path("items");
    if (items.isEmpty()) {
      err.println("No " + noun + " found.");
    } else {
      out.print(Table.render(columns, items));
    }
    String next = Fields.text(page, "nextCursor");
    if (!next.isEmpty()) {
      err.println("More " + noun + ": add --cursor " + next);
    }
    out.flush();
    err.flush();
  }

  /** One object: a one-row table, or the body as is. */
  public void row(JsonNode node, List<Column> columns) {
    if (format != OutputFormat.table) {
      raw(node);
      return;
    }
    out.print(Table.render(columns, List.of(node)));
    out.flush();
  }

  /** One object with many fields: field per line, or the body as is. */
  public void details(JsonNode node, List<Column> fields) {
    if (format != OutputFormat.table) {
      raw(node);
      return;
    }
    out.print(Table.details(fields, node));
    out.flush();
  }

  /** The body as JSON (pretty) or YAML. */
  public void raw(JsonNode node) {
    try {
      if (format == OutputFormat.yaml) {
        out.print(yaml.writeValueAsString(node));
      } else {
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A line for people (progress, hints) in table mode; nothing in JSON/YAML, to keep it parseable.
   */
  public void note(String line) {
    if (format == OutputFormat.table) {
      out.println(line);
      out.flush();
    }
  }

  public boolean isTable() {
    return format == OutputFormat.table;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }
}
