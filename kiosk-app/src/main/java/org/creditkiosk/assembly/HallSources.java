package org.creditkiosk.assembly;

import java.util.List;
import java.util.Optional;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.device.link.LinkOpener;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.printing.PrintChannel;
import org.creditkiosk.printing.ReportPrinter;
import org.creditkiosk.printing.ReportPrinterSettings;

/** A hall's sources: the configured serial ports and CUPS queue (settings as the files say). */
public final class HallSources {

    private HallSources() {
    }

    public static KioskSources of(KioskSettings settings) {
        Optional<A4Printer> cups = settings.get(ConfigKeys.REPORT_PRINTER).map(queue -> {
            ReportPrinter printer = new ReportPrinter(ReportPrinterSettings.of(queue));
            return new A4Printer(queue, PrintChannel.report(printer), Optional.of(printer));
        });
        A4Printer a4 = cups.orElseGet(() -> new A4Printer("A4 report printer", PrintChannel.absent("A4 report printer"),
                Optional.empty()));
        return new KioskSources(settings,
                serial(settings.get(ConfigKeys.IDCARD_PORT), settings.get(ConfigKeys.IDCARD_BAUD)),
                serial(settings.get(ConfigKeys.RECEIPT_PORT), settings.get(ConfigKeys.RECEIPT_BAUD)),
                serial(settings.get(ConfigKeys.SCANNER_PORT), settings.get(ConfigKeys.SCANNER_BAUD)),
                a4, Optional.empty(), List.of());
    }

    private static Optional<LinkOpener> serial(Optional<String> port, int baud) {
        SerialSettings line = SerialSettings.of8N1(baud);
        return port.map(p -> () -> SerialPortLink.open(p, line));
    }
}
