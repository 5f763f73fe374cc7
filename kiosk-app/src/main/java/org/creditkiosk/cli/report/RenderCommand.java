package org.creditkiosk.cli.report;

import java.util.List;
import java.util.Map;
import org.creditkiosk.assembly.HallSettings;
import org.creditkiosk.cli.KioskHome;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.report.sign.HallCredentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.SignedReport;
import org.creditkiosk.report.sign.SigningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk report render}: a technician renders a report from contract JSON, to check a record that looks wrong
 * on paper or a new keystore. It reads the kiosk's configuration layers like every command: without key options it
 * signs with the configured hall keystore ({@code report.keystore}) and says which certificate signed; {@code
 * --keystore} names another, {@code --demo-dir} the demo keystore. Exit codes: 0 written,
 * 2 invalid input (one line naming the file, the field and why), 3 keystore or signing failure, 4 cannot write.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render and sign the A4 report from CreditRecord and ReportAllocation JSON.")
public final class RenderCommand implements Callable<Integer> {

    static final int INVALID_INPUT = 2;
    static final int SIGNING_FAILED = 3;
    static final int WRITE_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--record", required = true, paramLabel = "RECORD.json", description = "CreditRecord (contract JSON)")
    Path record;

    @Option(names = "--allocation", required = true, paramLabel = "ALLOCATION.json",
            description = "ReportAllocation (contract JSON)")
    Path allocation;

    @Option(names = "--out", required = true, paramLabel = "OUT.pdf", description = "where to write the signed PDF")
    Path out;

    @Option(names = "--keystore", paramLabel = "P12", description = "hall PKCS#12 keystore (default: report.keystore of the configuration)")
    Path keystore;

    @Option(names = "--keystore-pass-file", paramLabel = "FILE", description = "file whose first line is the keystore password")
    Path passFile;

    @Option(names = "--key-alias", paramLabel = "ALIAS", description = "key alias (default: the first key)")
    String alias;

    @Option(names = "--demo-dir", paramLabel = "DIR", description = "sign with the demo keystore in DIR (generated there if missing)")
    Path demoDir;

    @Option(names = "--config-file", paramLabel = "FILE", description = "the technician file (default: $KIOSK_CONFIG, else /etc/credit-kiosk/kiosk.properties)")
    Path configFile;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        if (keystore != null && passFile == null) {
            err.println("report render: --keystore needs --keystore-pass-file");
            return INVALID_INPUT;
        }
        CreditRecord r;
        ReportAllocation a;
        try {
            r = read(record, CreditRecord.class);
            a = read(allocation, ReportAllocation.class);
        } catch (InvalidInput e) {
            err.println("report render: " + e.getMessage());
            return INVALID_INPUT;
        }
        KioskSettings configured;
        try {
            configured = ConfigLoader.standard(KioskHome.path(), Optional.ofNullable(configFile)
                    .or(() -> Optional.ofNullable(environment.get("KIOSK_CONFIG")).map(Path::of)), environment);
        } catch (ConfigException e) {
            err.println("report render: invalid configuration (run 'kiosk config check'): " + e.getMessage());
            return INVALID_INPUT;
        }
        ReportSettings settings;
        try {
            settings = keys(configured);
        } catch (IllegalStateException e) {
            err.println("report render: no hall keystore: report.keystore is not set in the configuration; give "
                    + "--keystore and --keystore-pass-file, or --demo-dir for a demo signature");
            return SIGNING_FAILED;
        }
        String signer;
        try {
            signer = HallCredentials.load(settings, environment).certificate().getSubjectX500Principal().getName();
        } catch (SigningException e) {
            err.println("report render: signing failed: " + e.getMessage());
            return SIGNING_FAILED;
        }
        SignedReport report;
        try {
            report = new ReportService(settings).render(r, a);
        } catch (SigningException e) {
            err.println("report render: signing failed: " + e.getMessage());
            return SIGNING_FAILED;
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".report-", ".pdf.tmp");
            Files.write(tmp, report.pdf());
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            err.println("report render: cannot write " + out + ": " + e.getMessage());
            return WRITE_FAILED;
        }
        outWriter.println("signed by " + signer);
        outWriter.println(out + ": " + report.pages() + " pages, " + report.size() + " bytes, sha256 " + report.sha256()
                + (report.placeholders() > 0 ? ", " + report.placeholders() + " character(s) printed as placeholder" : ""));
        return 0;
    }

    /** The keys named on the command line, else the configured hall keystore (IllegalStateException: none). */
    ReportSettings keys(KioskSettings configured) {
        ReportSettings hall = keystore != null || demoDir != null ? null : HallSettings.report(configured);
        if (hall != null) {
            return hall;
        }
        String issuer = configured.get(ConfigKeys.REPORT_ISSUER);
        ReportSettings base = ReportSettings.demo(demoDir != null ? demoDir : ReportSettings.defaultDemoDir())
                .withOffice(issuer, configured.get(ConfigKeys.HALL_NAME), List.of(issuer, "信用报告专用章"));
        return keystore == null ? base : base.withKeystore(keystore,
                new ReportSettings.KeystorePassword.FromFile(passFile), Optional.ofNullable(alias));
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return Json.mapper().readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidInput(file + ": " + describe(e));
        } catch (NoSuchFileException e) {
            throw new InvalidInput(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidInput(file + ": cannot read: " + e.getMessage());
        }
    }

    /** One line: where in the JSON and why, from Jackson's path and the contract record's own message. */
    static String describe(JsonProcessingException e) {
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    b.append(b.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    b.append('[').append(ref.getIndex()).append(']');
                }
            }
            if (b.length() > 0) {
                where = "at " + b + ": ";
            }
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String why = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage() : e.getOriginalMessage();
        if (e.getLocation() != null && !(cause instanceof IllegalArgumentException)) {
            why += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return (where + why).replaceAll("\\s*\\R\\s*", " ");
    }

    static final class InvalidInput extends RuntimeException {
        InvalidInput(String message) {
            super(message, null, false, false);
        }
    }
}
