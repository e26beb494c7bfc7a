package dev.slipway.cli.tenants;

import dev.slipway.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code tenants ...}: every tenant endpoint of /v1/tenants. */
@Command(
    name = "tenants",
    description = "List, inspect, create, change and follow tenants.",
    subcommands = {
      TenantList.class,
      TenantGet.class,
      TenantCreate.class,
      TenantPatch.class,
      TenantActions.Start.class,
      TenantActions.Stop.class,
      TenantActions.RotateToken.class,
      TenantActions.Delete.class,
      TenantSafety.Restore.class,
      TenantSafety.Purge.class,
      TenantSafety.Suspend.class,
      TenantSafety.Resume.class,
      TenantProtection.Protect.class,
      TenantProtection.Unprotect.class,
      TenantFreeze.Freeze.class,
      TenantFreeze.Unfreeze.class,
      TenantWatch.class,
      TenantOperations.class,
      TenantEvents.class
    })
public final class TenantsCommand extends CommandGroup {}
