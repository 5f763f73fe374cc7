package org.creditkiosk.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.cli.KioskHome;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.platform.UnifiedSocialCreditCode;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.platform.api.SubjectKind;
import org.creditkiosk.report.CommitmentPaper;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.SignedReport;
import org.creditkiosk.report.sign.HallCredentials;
import org.creditkiosk.report.sign.SigningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk commitment render} (issue 15): renders and signs a credit commitment from contract JSON
 * ({@code CommitmentTemplate}, {@code Commitment}) and the PNG of a signature, with the same keys as {@code kiosk
 * report render} (the configured hall keystore by default; {@code --keystore} or {@code --demo-dir} otherwise) and the
 * same PDF code as the kiosk. It refuses a template whose {@code textSha256} is not the hash of its paragraphs. Exit
 * codes as {@code report render}: 0 written, 2 invalid input, 3 keystore or signing failure, 4 cannot write.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render and sign a credit commitment from CommitmentTemplate and Commitment JSON and a signature PNG.")
public final class CommitmentRenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--template", required = true, paramLabel = "T.json", description = "CommitmentTemplate (contract JSON)")
    Path template;

    @Option(names = "--commitment", required = true, paramLabel = "C.json", description = "Commitment (contract JSON, the answer of signCommitment)")
    Path commitment;

    @Option(names = "--signature", required = true, paramLabel = "S.png", description = "the handwritten signature, PNG")
    Path signature;

    @Option(names = "--out", required = true, paramLabel = "OUT.pdf", description = "where to write the signed PDF")
    Path out;

    @Option(names = "--subject-name", paramLabel = "NAME", description = "the subject's name as printed (default: the commitment's subjectNameMasked)")
    String subjectName;

    @Option(names = "--subject-id", paramLabel = "ID", description = "a person's masked identity number (default: —)")
    String subjectId;

    @Option(names = "--organisation", paramLabel = "USCC", description = "signed for this organisation (its code is printed)")
    String organisation;

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
        if (keystore != null && passFile == null) {
            err.println("commitment render: --keystore needs --keystore-pass-file");
            return RenderCommand.INVALID_INPUT;
        }
        CommitmentTemplate t;
        SignedCommitment c;
        byte[] png;
        try {
            t = RenderCommand.read(template, CommitmentTemplate.class);
            c = RenderCommand.read(commitment, SignedCommitment.class);
            png = Files.readAllBytes(signature);
        } catch (RenderCommand.InvalidInput e) {
            err.println("commitment render: " + e.getMessage());
            return RenderCommand.INVALID_INPUT;
        } catch (NoSuchFileException e) {
            err.println("commitment render: " + signature + ": no such file");
            return RenderCommand.INVALID_INPUT;
        } catch (IOException e) {
            err.println("commitment render: " + signature + ": cannot read: " + e.getMessage());
            return RenderCommand.INVALID_INPUT;
        }
        if (!t.textMatches()) {
            err.println("commitment render: " + template + ": textSha256 is not the SHA-256 of the paragraphs joined with "
                    + "a newline (" + CommitmentTemplate.textSha256(t.paragraphs()) + "): refusing to print a text other "
                    + "than the one signed");
            return RenderCommand.INVALID_INPUT;
        }
        if (!c.templateId().equals(t.templateId())) {
            err.println("commitment render: " + commitment + ": templateId " + c.templateId() + " is not the template's "
                    + t.templateId());
            return RenderCommand.INVALID_INPUT;
        }
        if (organisation != null && !UnifiedSocialCreditCode.isValid(organisation)) {
            err.println("commitment render: --organisation is not a valid unified social credit code");
            return RenderCommand.INVALID_INPUT;
        }
        KioskSettings configured;
        try {
            configured = ConfigLoader.standard(KioskHome.path(), Optional.ofNullable(configFile)
                    .or(() -> Optional.ofNullable(environment.get("KIOSK_CONFIG")).map(Path::of)), environment);
        } catch (ConfigException e) {
            err.println("commitment render: invalid configuration (run 'kiosk config check'): " + e.getMessage());
            return RenderCommand.INVALID_INPUT;
        }
        RenderCommand keys = new RenderCommand();
        keys.keystore = keystore;
        keys.passFile = passFile;
        keys.alias = alias;
        keys.demoDir = demoDir;
        ReportSettings settings;
        try {
            settings = keys.keys(configured);
        } catch (IllegalStateException e) {
            err.println("commitment render: no hall keystore: report.keystore is not set in the configuration; give "
                    + "--keystore and --keystore-pass-file, or --demo-dir for a demo signature");
            return RenderCommand.SIGNING_FAILED;
        }
        String signer;
        SignedReport pdf;
        CommitmentPaper paper = new CommitmentPaper(t, c, organisation != null ? SubjectKind.ENTERPRISE : SubjectKind.PERSON,
                subjectName != null ? subjectName : c.subjectNameMasked().orElse("—"),
                organisation != null ? organisation : subjectId != null ? subjectId : "—", png);
        try {
            signer = HallCredentials.load(settings, environment).certificate().getSubjectX500Principal().getName();
            pdf = new ReportService(settings).renderCommitment(paper);
        } catch (SigningException e) {
            err.println("commitment render: signing failed: " + e.getMessage());
            return RenderCommand.SIGNING_FAILED;
        } catch (org.creditkiosk.report.pdf.ReportLayoutException e) {
            err.println("commitment render: " + signature + ": " + e.getMessage());
            return RenderCommand.INVALID_INPUT;
        } finally {
            paper.wipe();
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".commitment-", ".pdf.tmp");
            Files.write(tmp, pdf.pdf());
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            err.println("commitment render: cannot write " + out + ": " + e.getMessage());
            return RenderCommand.WRITE_FAILED;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("signed by " + signer);
        o.println(out + ": " + pdf.pages() + " pages, " + pdf.size() + " bytes, sha256 " + pdf.sha256());
        return 0;
    }
}
