package dev.slipway.api.outbox;

import static io.restassured.RestAssured.given;

import dev.slipway.api.http.Management;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the application's Prometheus endpoint, as a scraper would. */
final class Scrape {
  private Scrape() {}

  /** The value of an untagged sample, or NaN when the endpoint does not show it. */
  static double value(String sample) {
    String body =
        given().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(sample) + "(?:\\{[^}]*})? (\\S+)$").matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }
}
