package org.creditkiosk.cli;

import picocli.CommandLine.Command;

/** {@code kiosk report ...}: Report commands: render a report from JSON. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = "Report commands: render a report from JSON.",
        subcommands = {
        })
public final class ReportCommands {
}
