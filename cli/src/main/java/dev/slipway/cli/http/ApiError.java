package dev.slipway.cli.http;

import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;

/** The API answered with an error status; carries the problem it described. */
public final class ApiError extends CliException {
  private final Problem problem;

  public ApiError(Problem problem) {
    super(ExitCodes.ofStatus(problem.status()), problem.describe());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
