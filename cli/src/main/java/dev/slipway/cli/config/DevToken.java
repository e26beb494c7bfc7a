package dev.slipway.cli.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints an RS256 JWT for the local stack from its development key (the PKCS#8 PEM that deploy/local
 * JwtKeys writes to {@code .slipway/jwt-dev-private.pem}), with the claims of
 * deploy/local/mint-token.sh. Self-contained on purpose: the local-stack module would bring
 * embedded PostgreSQL, ElasticMQ and Vert.x into a tool that must start in well under a second.
 */
public final class DevToken {
  private final PrivateKey key;
  private final String issuer;
  private final String audience;
  private final ObjectMapper json;

  private DevToken(PrivateKey key, String issuer, String audience, ObjectMapper json) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
    this.json = json;
  }

  public static DevToken fromPem(Path pem, String issuer, String audience, ObjectMapper json) {
    try {
      String text = Files.readString(pem);
      String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      byte[] der = Base64.getDecoder().decode(base64);
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      return new DevToken(key, issuer, audience, json);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.USAGE, "cannot read the development key " + pem + ": " + e.getMessage());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, pem + " is not a PKCS#8 RSA private key (PEM)");
    }
  }

  /**
   * A token for {@code role} (admin, ops or tenant), valid from {@code issuedAt} until {@code
   * expiresAt}; {@code tenantId} is the tenant claim of a tenant token, null otherwise.
   */
  public String mint(
      String subject, String role, String tenantId, Instant issuedAt, Instant expiresAt) {
    ObjectNode header = json.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    ObjectNode claims =
        json.createObjectNode().put("iss", issuer).put("aud", audience).put("sub", subject);
    claims.putArray("groups").add(role);
    if (tenantId != null) {
      claims.put("tenant", tenantId);
    }
    claims.put("iat", issuedAt.getEpochSecond()).put("exp", expiresAt.getEpochSecond());
    String signingInput = encode(header) + "." + encode(claims);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64Url(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String encode(ObjectNode node) {
    try {
      return base64Url(json.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
