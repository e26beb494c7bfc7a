package dev.slipway.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.CliException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokenTest {
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void mintsAnRs256TokenWithTheClaimsOfMintTokenSh() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    // The PEM as deploy/local JwtKeys writes it: PKCS#8, 64-character lines.
    Path pem = dir.resolve("jwt-dev-private.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    String token =
        DevToken.fromPem(pem, "https://slipway.dev", "slipway-api", json)
            .mint("local-tenant", "tenant", "t-1", now, now.plusSeconds(600));

    String[] parts = token.split("\\.");
    JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("RS256", header.get("alg").asText());
    assertEquals("https://slipway.dev", claims.get("iss").asText());
    assertEquals("slipway-api", claims.get("aud").asText());
    assertEquals("local-tenant", claims.get("sub").asText());
    assertEquals("tenant", claims.get("groups").get(0).asText());
    assertEquals("t-1", claims.get("tenant").asText());
    assertEquals(now.getEpochSecond() + 600, claims.get("exp").asLong());

    Signature verify = Signature.getInstance("SHA256withRSA");
    verify.initVerify(keys.getPublic());
    verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verify.verify(Base64.getUrlDecoder().decode(parts[2])), "signature verifies");
  }

  @Test
  void aFileThatIsNoKeyIsAUsageError() throws Exception {
    Path pem = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n");
    assertThrows(CliException.class, () -> DevToken.fromPem(pem, "i", "a", json));
  }
}
