package dev.slipway.api.tenants;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenant labels: set on create, merged by PATCH, shown, validated, and selected by the listing. */
@QuarkusTest
class TenantLabelsQuarkusTest {

  @Test
  void labelsAreSetOnCreateMergedByPatchAndShown() {
    String slug = TestApi.uniqueSlug("lbl");
    admin()
        .body(Map.of("slug", slug, "labels", Map.of("tier", "beta", "team", "gw")))
        .post("/v1/tenants")
        .then()
        .statusCode(202)
        .body("tenant.labels.tier", equalTo("beta"));
    patch(slug, "{\"labels\":{\"tier\":null,\"example.com/owner\":\"alice\",\"empty\":\"\"}}")
        .then()
        .statusCode(200)
        .body("operation", nullValue())
        .body("tenant.generation", equalTo(1))
        .body(
            "tenant.labels",
            equalTo(Map.of("team", "gw", "example.com/owner", "alice", "empty", "")));
    admin()
        .get("/v1/tenants/" + slug)
        .then()
        .body("labels.team", equalTo("gw"))
        .body("labels.tier", nullValue());
  }

  @Test
  void labelsAndSettingsChangeTogether() {
    String slug = TestApi.uniqueSlug("lbs");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    patch(slug, "{\"plan\":\"large\",\"labels\":{\"tier\":\"gold\"}}")
        .then()
        .statusCode(202)
        .body("tenant.plan", equalTo("large"))
        .body("tenant.labels.tier", equalTo("gold"));
  }

  @Test
  void invalidLabelsAre422NamingTheLabel() {
    String slug = TestApi.uniqueSlug("lbx");
    TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202);
    Map<String, String> bad =
        Map.of(
            "{\"tier\":\"-beta\"}",
            "labels.tier",
            "{\"tier\":\"" + "a".repeat(64) + "\"}",
            "labels.tier",
            "{\"-tier\":\"x\"}",
            "labels.-tier",
            "{\"Bad_Prefix/x\":\"y\"}",
            "labels.Bad_Prefix/x",
            "{\"tier\":3}",
            "labels.tier",
            "{\"a b\":\"x\"}",
            "labels.a b",
            "{\"\":\"x\"}",
            "labels.");
    bad.forEach(
        (labels, field) -> {
          patch(slug, "{\"labels\":" + labels + "}")
              .then()
              .statusCode(422)
              .contentType("application/problem+json")
              .body("errors[0].field", equalTo(field));
          admin()
              .body("{\"slug\":\"" + TestApi.uniqueSlug("lbc") + "\",\"labels\":" + labels + "}")
              .post("/v1/tenants")
              .then()
              .statusCode(422)
              .body("errors[0].field", equalTo(field));
        });
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 65; i++) {
      many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    patch(slug, "{\"labels\":" + many + "}}")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("labels"));
    admin().get("/v1/tenants/" + slug).then().body("labels", equalTo(Map.of()));
  }

  @Test
  void theListingSelectsByEveryLabelGiven() {
    String beta = TestApi.uniqueSlug("sel");
    String both = TestApi.uniqueSlug("sel");
    String other = TestApi.uniqueSlug("sel");
    String run = "r" + beta.substring(beta.length() - 6);
    create(beta, Map.of("run", run, "tier", "beta"));
    create(both, Map.of("run", run, "tier", "beta", "zone", "a"));
    create(other, Map.of("run", run, "tier", "stable"));

    List<String> betas = slugs(admin().queryParam("label", "run=" + run, "tier=beta"));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(beta, both).stream().sorted().toList(), betas);
    List<String> zoned =
        slugs(admin().queryParam("label", "run=" + run).queryParam("label", "zone=a"));
    org.junit.jupiter.api.Assertions.assertEquals(List.of(both), zoned);

    for (String selector : List.of("tier", "tier=-x", "=x", "run=a&label=run=b")) {
      admin()
          .urlEncodingEnabled(false)
          .get("/v1/tenants?label=" + selector)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("label"));
    }
  }

  /**
   * The label filter reads tenant_labels (migration V20), which triggers keep: pages follow each
   * other in slug order, and a label changed or removed by PATCH moves the tenant in or out.
   */
  @Test
  void aLabelListingPagesInSlugOrderAndFollowsEveryRelabel() {
    String run = "p" + TestApi.uniqueSlug("x").substring(2, 10);
    List<String> created = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String slug = TestApi.uniqueSlug("pg" + i);
      create(slug, Map.of("run", run, "tier", i % 2 == 0 ? "beta" : "stable"));
      created.add(slug);
    }
    List<String> paged = new java.util.ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request =
          admin().queryParam("label", "run=" + run).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/v1/tenants");
      page.then().statusCode(200);
      paged.addAll(page.jsonPath().getList("items.slug", String.class));
      cursor = page.jsonPath().getString("nextCursor");
    } while (cursor != null);
    org.junit.jupiter.api.Assertions.assertEquals(created.stream().sorted().toList(), paged);

    // label-only changes: 200, no operation. The late tenant gains the label after its create.
    String late = TestApi.uniqueSlug("pgl");
    create(late, Map.of("tier", "beta"));
    patch(late, "{\"labels\":{\"run\":\"" + run + "\"}}").then().statusCode(200);
    patch(created.get(0), "{\"labels\":{\"run\":null}}").then().statusCode(200);
    patch(created.get(1), "{\"labels\":{\"tier\":\"beta\"}}").then().statusCode(200);
    List<String> stillRun =
        java.util.stream.Stream.concat(
                created.subList(1, 5).stream(), java.util.stream.Stream.of(late))
            .sorted()
            .toList();
    org.junit.jupiter.api.Assertions.assertEquals(
        stillRun, slugs(admin().queryParam("label", "run=" + run)));
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.stream.Stream.of(created.get(1), created.get(2), created.get(4), late)
            .sorted()
            .toList(),
        slugs(admin().queryParam("label", "run=" + run, "tier=beta")));
    // with a plan or phase, its index gives the order and the labels are checked on the row
    org.junit.jupiter.api.Assertions.assertEquals(
        stillRun, slugs(admin().queryParam("label", "run=" + run).queryParam("plan", "small")));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(), slugs(admin().queryParam("label", "run=" + run).queryParam("phase", "FAILED")));
  }

  private static void create(String slug, Map<String, String> labels) {
    admin().body(Map.of("slug", slug, "labels", labels)).post("/v1/tenants").then().statusCode(202);
  }

  private static List<String> slugs(RequestSpecification request) {
    Response response = request.get("/v1/tenants");
    response.then().statusCode(200).body("items.slug", not(hasItem("nobody")));
    return response.jsonPath().getList("items.slug", String.class).stream().sorted().toList();
  }

  private static Response patch(String slug, String body) {
    return admin().body(body).patch("/v1/tenants/" + slug);
  }

  private static RequestSpecification admin() {
    return TestApi.as(TestTokens.admin()).contentType(ContentType.JSON);
  }
}
