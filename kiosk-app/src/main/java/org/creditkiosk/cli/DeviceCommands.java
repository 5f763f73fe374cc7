package org.creditkiosk.cli;

import picocli.CommandLine.Command;

/** {@code kiosk device ...}: Technician commands for devices: list and probe the ports, read a card, print a test slip, scan a code. */
@Command(name = "device",
        mixinStandardHelpOptions = true,
        description = "Technician commands for devices: list and probe the ports, read a card, print a test slip, scan a code.",
        subcommands = {
            org.creditkiosk.cli.device.ReadCardCommand.class,
            org.creditkiosk.cli.device.ScanCommand.class,
            org.creditkiosk.cli.device.PrintTestCommand.class,
            org.creditkiosk.cli.device.PrinterStatusCommand.class,
            org.creditkiosk.cli.device.PortsCommand.class,
            org.creditkiosk.cli.device.ProbeCommand.class
        })
public final class DeviceCommands {
}
