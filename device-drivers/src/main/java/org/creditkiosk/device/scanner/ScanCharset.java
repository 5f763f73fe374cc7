package org.creditkiosk.device.scanner;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How the scanner encodes the text of a code on the wire. Scanners sold in China commonly offer UTF-8 and
 * GB18030 (GB 18030-2005, a superset of GBK/GB2312) output; ASCII codes read the same in both.
 */
public enum ScanCharset {
    UTF_8(StandardCharsets.UTF_8),
    GB18030(Charset.forName("GB18030"));

    private final Charset charset;

    ScanCharset(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }
}
