package org.creditkiosk.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.Penalty;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.Subject;
import org.creditkiosk.platform.api.SubjectKind;

/** Records for report tests: this module's own ({@code report/*.json}) and the demo fixtures, when present. */
public final class ReportFixtures {

    /** A named record. */
    public record Fixture(String name, CreditRecord record) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ReportFixtures() {
    }

    /** Test records plus every {@code demo/records/*.json} on the classpath. */
    public static List<Fixture> all() {
        List<Fixture> out = new ArrayList<>(fromDirectory("report"));
        out.addAll(fromDirectory("demo/records"));
        return out;
    }

    public static Fixture named(String file) {
        try (InputStream in = ReportFixtures.class.getResourceAsStream("/report/" + file)) {
            return new Fixture(file, Json.mapper().readValue(in, CreditRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Fixture> fromDirectory(String dir) {
        List<Fixture> out = new ArrayList<>();
        try {
            for (URL url : Collections.list(ReportFixtures.class.getClassLoader().getResources(dir))) {
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                        out.add(new Fixture(dir + "/" + f.getFileName(),
                                Json.mapper().readValue(f.toFile(), CreditRecord.class)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static ReportAllocation allocation(int serial) {
        String no = String.format("YLXY-20261127-0003-%06d", serial);
        return new ReportAllocation(no, "https://credit-platform.example/v?r=" + no,
                Instant.parse("2026-11-27T03:05:00Z"), LocalDate.of(2026, 12, 27));
    }

    /** {@code count} penalties for an enterprise whose name has an Extension-A character (U+4DAE 䶮). */
    public static CreditRecord manyPenalties(int count) {
        CreditRecord base = named("enterprise-shengtai.json").record();
        Subject s = base.subject();
        Subject subject = new Subject(SubjectKind.ENTERPRISE, "榆林市䶮㐀煤业有限公司", Optional.empty(), s.uscc(),
                Optional.of("刘䶮"), s.registeredAddress(), s.establishedOn(), s.registrationStatus());
        List<Penalty> penalties = IntStream.rangeClosed(1, count).mapToObj(i -> new Penalty("PN-" + i,
                "榆市监罚〔2025〕" + i + "号",
                i % 7 == 0 ? "超过大气污染物排放标准排放大气污染物，经现场检测锅炉烟气氮氧化物排放浓度超过《锅炉大气污染物排放标准》"
                        + "规定限值，且未按要求安装自动监测设备并与生态环境主管部门联网，情节较重" : "未按规定公示年度报告（第" + i + "次）",
                Optional.of("《企业信息公示暂行条例》第十七条"), "警告", i % 3 == 0 ? Optional.of(100_00L * i) : Optional.empty(),
                "榆林市市场监督管理局", LocalDate.of(2025, 1, 1).plusDays(i), Optional.empty(), Optional.of(i % 5 == 0)))
                .toList();
        return new CreditRecord("REC-MANY", 1L, base.generatedAt(), base.dataAsOf(), subject, Optional.empty(),
                base.redList(), base.blackList(), base.permits(), penalties, base.commitments(), base.judicial(),
                base.benefits(), base.objections(), base.notice());
    }
}
