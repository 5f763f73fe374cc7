package org.creditkiosk.app;

import org.creditkiosk.report.SignedReport;

/** Where a finished report goes: a printer, or in demo mode without one, a folder. */
public interface ReportSink {

    /** Outcome of handing one report over. */
    sealed interface Result permits Done, Fault {
    }

    record Done() implements Result {
    }

    /** {@code code}: PAPER_OUT, COVER_OPEN, PRINTER_OFFLINE, PRINT_FAILED ... (a notice code). */
    record Fault(String code) implements Result {
    }

    Result print(SignedReport report);
}
