package org.creditkiosk.report;

import java.nio.file.Files;
import java.nio.file.Path;

/** Developer harness: renders every fixture into target/report-out/. */
public final class RenderScratch {
    public static void main(String[] args) throws Exception {
        ReportService svc = new ReportService(ReportSettings.demo(Path.of("target/demo-keys")));
        Path out = Files.createDirectories(Path.of("target/report-out"));
        int n = 1;
        for (ReportFixtures.Fixture f : ReportFixtures.all()) {
            long t = System.nanoTime();
            SignedReport r = svc.render(f.record(), ReportFixtures.allocation(n++));
            System.out.println(f + " " + r + " " + (System.nanoTime() - t) / 1_000_000 + " ms");
            Files.write(out.resolve(f.name().replace('/', '_').replace(".json", ".pdf")), r.pdf());
        }
        long t = System.nanoTime();
        SignedReport r = svc.render(ReportFixtures.manyPenalties(300), ReportFixtures.allocation(999));
        System.out.println("many " + r + " " + (System.nanoTime() - t) / 1_000_000 + " ms");
        Files.write(out.resolve("many.pdf"), r.pdf());
    }
}
