package dev.slipway.local.kube.controllers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code pod-template-hash} of a pod template: FNV-1a over the template's JSON with map keys
 * sorted, so the same template sent by kubectl or by fabric8 (different key order) hashes alike.
 * Rendered with the same vowel-free alphabet the real controller uses for generated names.
 */
public final class TemplateHash {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final ObjectMapper SORTED =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private TemplateHash() {}

  public static String of(JsonNode template) {
    byte[] canonical;
    try {
      canonical = SORTED.writeValueAsBytes(SORTED.convertValue(template, Map.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      canonical = String.valueOf(template).getBytes(StandardCharsets.UTF_8);
    }
    return encode(fnv1a(canonical));
  }

  private static long fnv1a(byte[] bytes) {
    int hash = 0x811c9dc5;
    for (byte b : bytes) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    return Integer.toUnsignedLong(hash);
  }

  private static String encode(long value) {
    StringBuilder out = new StringBuilder();
    do {
      out.append(ALPHABET.charAt((int) (value % ALPHABET.length())));
      value /= ALPHABET.length();
    } while (value > 0);
    return out.toString();
  }

  /** Five random characters for a pod name suffix, like the real generateName. */
  public static String randomSuffix() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder out = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
