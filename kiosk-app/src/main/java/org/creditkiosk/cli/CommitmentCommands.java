package org.creditkiosk.cli;

import org.creditkiosk.cli.report.CommitmentRenderCommand;
import picocli.CommandLine.Command;

/** {@code kiosk commitment ...}: credit commitment commands (issue 15): render a commitment from JSON. */
@Command(name = "commitment",
        mixinStandardHelpOptions = true,
        description = "Credit commitment commands: render a signed commitment from JSON.",
        subcommands = {
            CommitmentRenderCommand.class
        })
public final class CommitmentCommands {
}
