package org.creditkiosk.cli;

import org.creditkiosk.cli.report.RenderCommand;
import picocli.CommandLine.Command;

/** {@code kiosk report ...}: Report commands: render a report from JSON. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = "Report commands: render a report from JSON.",
        subcommands = {
            RenderCommand.class
        })
public final class ReportCommands {
}
