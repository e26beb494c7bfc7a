package dev.slipway.cli.tenants;

import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Follows a tenant or one operation until it settles; exit 7 when it fails or times out. */
@Command(
    name = "watch",
    description = {
      "Follow a tenant until it reaches the state asked for (or FAILED), or an operation until it ends.",
      "  slipway-cli tenants watch acme",
      "  slipway-cli tenants watch --operation 0f6c…"
    })
final class TenantWatch implements Callable<Integer> {
  private final Session session;

  @Parameters(paramLabel = "SLUG", arity = "0..1")
  String slug;

  @Option(names = "--operation", paramLabel = "ID", description = "follow this operation instead")
  String operation;

  @Mixin WatchOptions watch;

  TenantWatch(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if ((slug == null) == (operation == null)) {
      throw new CliException(ExitCodes.USAGE, "name a tenant SLUG or an --operation ID (one)");
    }
    Watcher watcher = watch.watcher(session);
    return slug != null ? watcher.tenant(slug, true) : watcher.operation(operation);
  }
}
