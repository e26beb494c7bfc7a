package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.TLS_SECRET_SUFFIX;

import java.util.ArrayList;
import java.util.List;

/**
 * Other tenants' slugs whose rendered objects would share a name with this slug's. Every object the
 * renderer derives is named after the slug, one per kind, except Secrets: a tenant's token Secret
 * is named {@code {slug}} and its cert-manager TLS Secret {@code {slug}-tls} ({@link
 * IngressRenderer}). So tenants {@code foo} and {@code foo-tls} would both write the Secret {@code
 * foo-tls}, and the API refuses the second one.
 */
public final class NameCollisions {
  private NameCollisions() {}

  /** A slug that collides with {@code slug}, and why, in words for an API error. */
  public record Collision(String otherSlug, String reason) {}

  /** The slugs, besides {@code slug} itself, that must not be live beside it. */
  public static List<Collision> of(String slug) {
    List<Collision> out = new ArrayList<>();
    String ours = slug + TLS_SECRET_SUFFIX;
    out.add(
        new Collision(
            ours, "its token Secret would be named '" + ours + "', this tenant's TLS Secret"));
    if (slug.endsWith(TLS_SECRET_SUFFIX)) {
      String other = slug.substring(0, slug.length() - TLS_SECRET_SUFFIX.length());
      out.add(
          new Collision(
              other,
              "its TLS Secret is named '" + slug + "', the name of this tenant's token Secret"));
    }
    return out;
  }

  /** Only the slugs of {@link #of}. */
  public static List<String> slugs(String slug) {
    return of(slug).stream().map(Collision::otherSlug).toList();
  }
}
