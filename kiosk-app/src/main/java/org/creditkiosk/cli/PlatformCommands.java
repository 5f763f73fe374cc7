package org.creditkiosk.cli;

import picocli.CommandLine.Command;

/** {@code kiosk platform ...}: Platform commands: check the link to the credit platform, search public lists. */
@Command(name = "platform",
        mixinStandardHelpOptions = true,
        description = "Platform commands: check the link to the credit platform, search public lists.",
        subcommands = {
            org.creditkiosk.cli.platform.PlatformCheckCommand.class,
            org.creditkiosk.cli.platform.PlatformListsCommand.class
        })
public final class PlatformCommands {
}
