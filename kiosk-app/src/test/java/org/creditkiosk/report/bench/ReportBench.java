package org.creditkiosk.report.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.report.ReportFixtures;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.SignedReport;

/**
 * Render+sign timings (issue 4, acceptance 4). Run in a fresh JVM (see docs/benchmarks.md): the first figure is the
 * first report of this JVM, fonts parsed and keystore read included; then warm medians of the typical report
 * (person-wang.json, 3 pages) and of the 300-penalty report.
 */
public final class ReportBench {

    public static void main(String[] args) {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path keys = Path.of(args.length > 0 ? args[0] : "target/bench-keys");
        CreditRecord typical = ReportFixtures.named("person-wang.json").record();
        CreditRecord many = ReportFixtures.manyPenalties(300);

        long t0 = System.nanoTime();
        ReportService service = new ReportService(ReportSettings.demo(keys));
        SignedReport first = service.render(typical, ReportFixtures.allocation(1));
        double firstMs = (System.nanoTime() - t0) / 1e6;
        // CPU time next to wall time: on a shared, loaded machine the wall time mostly measures waiting for a core.
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf("first report in fresh JVM: %.0f ms (JVM start to done: %d ms, process CPU %d ms, load %.1f),"
                + " %d pages, %d bytes%n", firstMs, System.currentTimeMillis() - jvmStartMs, cpuMs,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), first.pages(), first.size());

        for (int i = 0; i < 40; i++) {
            service.render(typical, ReportFixtures.allocation(i));
        }
        double[] warm = new double[60];
        SignedReport last = first;
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            last = service.render(typical, ReportFixtures.allocation(100 + i));
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        print("typical warm", warm, last);

        for (int i = 0; i < 3; i++) {
            service.render(many, ReportFixtures.allocation(i));
        }
        double[] big = new double[10];
        for (int i = 0; i < big.length; i++) {
            long t = System.nanoTime();
            last = service.render(many, ReportFixtures.allocation(200 + i));
            big[i] = (System.nanoTime() - t) / 1e6;
        }
        print("300 penalties warm", big, last);
    }

    private static void print(String name, double[] ms, SignedReport r) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%s: median %.1f ms, p90 %.1f ms, min %.1f ms (n=%d), %d pages, %d bytes%n", name,
                s[s.length / 2], s[(int) (s.length * 0.9)], s[0], s.length, r.pages(), r.size());
    }
}
