package dev.slipway.cli.ops;

import dev.slipway.cli.CommandGroup;
import picocli.CommandLine.Command;

/**
 * {@code ops ...}: the /v1/ops endpoints (roles ops or admin). Fleet rollouts and the fleet's
 * versions are top-level commands ({@code rollouts}, {@code fleet}), freezes are under {@code
 * tenants}.
 */
@Command(
    name = "ops",
    description = "Dead letters, replay and purge jobs, reconcile runs, capacity, audit.",
    subcommands = {
      DeadLettersCommand.class,
      JobsCommand.class,
      OpsReads.ReconcileRuns.class,
      OpsReads.Capacity.class,
      OpsReads.Audit.class
    })
public final class OpsCommand extends CommandGroup {}
