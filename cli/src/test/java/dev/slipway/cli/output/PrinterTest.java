package dev.slipway.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {
  final ObjectMapper json = new ObjectMapper();
  final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final List<Column> columns =
      List.of(Column.of("SLUG", "slug"), Column.of("NODES", "nodes.needed"));

  Printer printer(OutputFormat format) {
    return new Printer(format, new PrintWriter(out), new PrintWriter(err), json, yaml);
  }

  JsonNode page() throws Exception {
    return json.readTree(
        "{\"items\":[{\"slug\":\"acme\",\"nodes\":{\"needed\":3}},"
            + "{\"slug\":\"a-much-longer-slug\",\"nodes\":{\"needed\":null}}],\"nextCursor\":\"c2\"}");
  }

  @Test
  void aTableAlignsColumnsAndPointsAtTheNextPage() throws Exception {
    printer(OutputFormat.table).page(page(), columns, "tenants");
    assertEquals(
        "SLUG                 NODES\n" + "acme                 3\n" + "a-much-longer-slug\n",
        out.toString());
    assertEquals("More tenants: add --cursor c2\n", err.toString());
  }

  @Test
  void anEmptyPageSaysSoOnStderrOnly() throws Exception {
    printer(OutputFormat.table).page(json.readTree("{\"items\":[]}"), columns, "dead letters");
    assertEquals("", out.toString());
    assertEquals("No dead letters found.\n", err.toString());
  }

  @Test
  void jsonIsTheApisBodyUnchangedAndNothingElse() throws Exception {
    Printer p = printer(OutputFormat.json);
    p.page(page(), columns, "tenants");
    p.note("not in JSON");
    assertEquals(page(), json.readTree(out.toString()));
    assertEquals("", err.toString());
  }

  @Test
  void yamlReadsBackToTheSameTree() throws Exception {
    printer(OutputFormat.yaml).page(page(), columns, "tenants");
    assertEquals(page(), yaml.readTree(out.toString()));
  }

  @Test
  void detailsPutOneFieldPerLine() throws Exception {
    printer(OutputFormat.table).details(page().get("items").get(0), columns);
    assertEquals("SLUG:  acme\nNODES: 3\n", out.toString());
  }

  @Test
  void theProgressBarFillsInProportionAndShowsTheCounts() {
    ProgressBar bar = new ProgressBar(10);
    assertEquals("[#####-----]  50%  5/10", bar.render(5, 10));
    assertEquals("[----------]   0%  0/0", bar.render(0, 0));
    assertEquals("[##########] 100%  12/12", bar.render(12, 12));
  }

  @Test
  void longTextIsCutToOneShortLine() {
    assertEquals("a b…", Fields.shorten("a\n b cdef", 4));
    assertTrue(Fields.age(json.createObjectNode(), "createdAt", java.time.Instant.now()).isEmpty());
  }
}
