package org.creditkiosk.report.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creditkiosk.report.ReportFixtures;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.SignedReport;

/**
 * Writes a signed PDF for every fixture (and the 300-penalty record) into a directory, for looking at and for the
 * renderings in docs/report/ (see docs/report.md).
 */
public final class ReportSamples {

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/report-samples"));
        // Keys in a temporary directory, never next to the PDFs (which may be written into the repository's docs/).
        ReportService service = new ReportService(ReportSettings.demo(Files.createTempDirectory("report-samples-keys")));
        int serial = 187;
        for (ReportFixtures.Fixture f : ReportFixtures.all()) {
            SignedReport r = service.render(f.record(), ReportFixtures.allocation(serial++));
            Path file = out.resolve(f.name().replace('/', '_').replace(".json", ".pdf"));
            Files.write(file, r.pdf());
            System.out.println(file + ": " + r);
        }
        SignedReport many = service.render(ReportFixtures.manyPenalties(300), ReportFixtures.allocation(999));
        Files.write(out.resolve("many-penalties.pdf"), many.pdf());
        System.out.println(out.resolve("many-penalties.pdf") + ": " + many);
    }
}
