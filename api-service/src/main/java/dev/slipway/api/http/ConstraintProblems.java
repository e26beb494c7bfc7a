package dev.slipway.api.http;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bean Validation failures of request bodies as the same 422 problem that {@link
 * ApiException#invalidField} gives: one error per offending field, named by its dotted JSON path
 * ({@code slug}, {@code gatewayConfig.maxConnections}), with the most basic broken rule (missing
 * before too long before malformed), so that a client sees what to fix first.
 */
public class ConstraintProblems {
  /** Constraints reported before any other on the same field: the value is absent. */
  private static final Set<String> PRESENCE = Set.of("NotNull", "NotBlank", "NotEmpty");

  private final ProblemMappers problems = new ProblemMappers();

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e) {
    Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
    if (violations.stream().anyMatch(ConstraintProblems::onReturnValue)) {
      // A response the server built breaks its own contract: a bug, not the client's error.
      return problems.internal(e);
    }
    Map<String, String> byField = new LinkedHashMap<>();
    violations.stream()
        .sorted(
            Comparator.comparing((ConstraintViolation<?> v) -> field(v))
                .thenComparingInt(ConstraintProblems::rank)
                .thenComparing(ConstraintViolation::getMessage))
        .forEach(v -> byField.putIfAbsent(field(v), v.getMessage()));
    List<ApiException.FieldError> errors = new ArrayList<>();
    byField.forEach((field, detail) -> errors.add(new ApiException.FieldError(field, detail)));
    String detail =
        errors.stream().map(ApiException.FieldError::detail).collect(Collectors.joining("; "));
    return Problem.of(422, "validation", "Invalid request", detail).withErrors(errors).toResponse();
  }

  /** The JSON path below the validated parameter: method and parameter names are Java's own. */
  static String field(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.BEAN) {
        if (node.getName() != null) {
          names.add(node.getName());
        }
      }
    }
    return names.isEmpty() ? "body" : String.join(".", names);
  }

  private static int rank(ConstraintViolation<?> violation) {
    String name =
        violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return PRESENCE.contains(name) ? 0 : name.equals("Size") ? 1 : 2;
  }

  private static boolean onReturnValue(ConstraintViolation<?> violation) {
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }
}
