package dev.slipway.api.rollouts.planning;

import dev.slipway.api.http.ApiException;

/**
 * The guard of destructive bulk operations: one that changes more tenants than a configured count,
 * or than a configured share of the live fleet, runs only when the request's {@code confirm}
 * repeats the exact number of tenants it changes, so a selector that matches far more than its
 * author thought is caught before anything changes. A {@code confirm} given is always checked, also
 * where none is needed: a wrong number means the author expected another selection.
 *
 * @param aboveCount confirmation needed above this many tenants
 * @param aboveShare confirmation needed above this share (0 to 1) of the live fleet
 */
public record BulkConfirmation(int aboveCount, double aboveShare) {

  /** Whether {@code action} over {@code changes} of {@code fleet} live tenants needs a confirm. */
  public boolean required(BulkAction action, int changes, long fleet) {
    return action.destructive() && (changes > aboveCount || changes > aboveShare * fleet);
  }

  /** Passes, or throws a 422 naming {@code confirm} that says the number to send. */
  public void check(BulkAction action, int changes, long fleet, Integer confirm) {
    if (confirm != null && confirm != changes) {
      throw ApiException.invalidField(
          "confirm",
          "confirm is "
              + confirm
              + " but this bulk "
              + action.wire()
              + " changes "
              + changes
              + " tenants; send \"confirm\": "
              + changes
              + " if that is what you mean (a dry run lists them)");
    }
    if (confirm == null && required(action, changes, fleet)) {
      throw ApiException.invalidField(
          "confirm",
          "this bulk "
              + action.wire()
              + " changes "
              + changes
              + " of the "
              + fleet
              + " live tenants, more than "
              + aboveCount
              + " tenants or "
              + Math.round(aboveShare * 100)
              + "% of the fleet; repeat the exact number as \"confirm\": "
              + changes
              + " (a dry run lists them)");
    }
  }
}
