package dev.slipway.api.tenants;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.common.model.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Slug rules of this deployment: the DNS-label rules of {@link Slugs} plus the reserved list. */
@ApplicationScoped
public class SlugRules {
  private final Set<String> reserved;

  SlugRules(ApiConfig config) {
    this.reserved =
        config.reservedSlugs().stream()
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Why the slug cannot be used for a new tenant, or empty. */
  public Optional<String> problem(String slug) {
    Optional<String> syntax = Slugs.problem(slug);
    if (syntax.isPresent()) {
      return syntax;
    }
    return reserved.contains(slug)
        ? Optional.of("slug '" + slug + "' is reserved")
        : Optional.empty();
  }
}
