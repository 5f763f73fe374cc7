package org.creditkiosk.cli;

import picocli.CommandLine.Command;

/** {@code kiosk config ...}: Configuration commands: validate and show the effective configuration. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = "Configuration commands: validate and show the effective configuration.",
        subcommands = {
        })
public final class ConfigCommands {
}
