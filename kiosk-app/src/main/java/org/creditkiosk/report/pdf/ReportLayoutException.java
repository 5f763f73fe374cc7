package org.creditkiosk.report.pdf;

import java.io.IOException;

/** Drawing the report failed (an I/O error of PDFBox on in-memory streams: a bug or out of memory, not bad data). */
public final class ReportLayoutException extends RuntimeException {

    public ReportLayoutException(String message, IOException cause) {
        super(message, cause);
    }
}
