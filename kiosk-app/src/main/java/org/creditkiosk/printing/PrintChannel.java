package org.creditkiosk.printing;

import java.util.Optional;

/** A printer as the {@link PrintDesk} sees it: print one job, or say what is wrong with the printer now. */
public interface PrintChannel {

    /** Prints the job and returns when it is out; a typed failure otherwise. */
    void print(PrintJob job) throws PrintFailure;

    /** What keeps the printer from printing now (paper, cover, offline ...); empty when it is ready. */
    Optional<PrintFailure.Code> fault();

    /** A printer that is not installed or not configured: every job fails as OFFLINE (held, never lost). */
    static PrintChannel absent(String what) {
        return new PrintChannel() {
            @Override
            public void print(PrintJob job) throws PrintFailure {
                throw new PrintFailure(PrintFailure.Code.OFFLINE, what + " is not configured");
            }

            @Override
            public Optional<PrintFailure.Code> fault() {
                return Optional.of(PrintFailure.Code.OFFLINE);
            }
        };
    }

    /** The receipt printer driver as a channel. */
    static PrintChannel receipt(org.creditkiosk.device.printer.ReceiptPrinter printer) {
        return new PrintChannel() {
            @Override
            public void print(PrintJob job) throws PrintFailure {
                if (!(job instanceof PrintJob.Receipt r)) {
                    throw new IllegalArgumentException(job + " is not a receipt slip");
                }
                try {
                    printer.print(r.slip());
                } catch (org.creditkiosk.device.DeviceException e) {
                    throw PrintFailure.of(e);
                }
            }

            @Override
            public Optional<PrintFailure.Code> fault() {
                // Ask the printer now rather than trusting the last poll: a reprint must follow a cleared fault.
                try {
                    return printer.readStatus().fault().map(PrintFailure.Code::valueOf);
                } catch (org.creditkiosk.device.DeviceException e) {
                    return Optional.of(PrintFailure.of(e).code());
                }
            }
        };
    }

    /** The A4 report printer as a channel. */
    static PrintChannel report(ReportPrinter printer) {
        return new PrintChannel() {
            @Override
            public void print(PrintJob job) throws PrintFailure {
                if (!(job instanceof PrintJob.Report r)) {
                    throw new IllegalArgumentException(job + " is not an A4 report");
                }
                printer.print(r.pdf(), "report " + r.reportNo());
            }

            @Override
            public Optional<PrintFailure.Code> fault() {
                return printer.status().fault();
            }
        };
    }
}
