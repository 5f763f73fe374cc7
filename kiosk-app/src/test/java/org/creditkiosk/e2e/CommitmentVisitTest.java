package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.session.SessionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15, acceptance: a citizen signs a credit commitment with a drawn signature (robot drag) and takes home a PDF
 * that pdfsig, qpdf, pdffonts, pdfimages, pdftotext and zbarimg accept; scanning its code afterwards shows it as a
 * commitment. A complaint visit ends in its ticket; a blank signature, an invalid USCC and a too-short description
 * each get their answer on screen.
 */
class CommitmentVisitTest {

    /** 王雅琴: a person who represents no organisation, straight to her record. */
    private static final String CITIZEN = "610824199512300066";

    @Test
    void signsACommitmentWithADrawnSignatureAndItsCodeVerifiesAsACommitment(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            k.awaitScreen("attract", 10);
            k.runtime.demo().orElseThrow().placeNumber(CITIZEN);
            k.awaitScreen("showing_record", 20);
            fire(k, "#start-commitment");
            k.awaitScreen("choosing_commitment", 5);
            k.awaitText("#template-CN-ZD-2026-001", 20);
            k.screenshot("70-commitment-templates");
            CommitmentTemplate template = k.runtime.controller().view().services().templates().orElseThrow().stream()
                    .filter(t -> t.templateId().equals("CN-ZD-2026-001")).findFirst().orElseThrow();
            fire(k, "#template-CN-ZD-2026-001");
            k.awaitScreen("reading_commitment", 5);
            k.screenshot("71-commitment-text");
            WaitForAsyncUtils.asyncFx(() -> {
                ScrollPane scroll = k.lookup("#commitment-scroll", ScrollPane.class);
                scroll.setVvalue(scroll.getVmax());
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> k.runtime.controller().view().services().textRead());
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !k.lookup("#commit-sign", Button.class).isDisabled());
            fire(k, "#commit-sign");
            k.awaitScreen("signing_commitment", 5);

            // a blank pad: refused with its answer, nothing sent
            fire(k, "#signature-done");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> k.exists("#warning-banner"));
            assertThat(k.allTexts()).anyMatch(t -> t.contains("笔迹太少"));
            k.screenshot("72-signature-blank");

            drawSignature(k);
            assertThat(k.exists("#warning-banner")).as("the warning about the blank pad goes once the citizen has signed").isFalse();
            k.screenshot("73-signature-pad");
            fire(k, "#signature-done");
            k.awaitScreen("confirming_commitment", 5);
            assertThat(k.text("#commitment-hash")).contains(template.textSha256());
            k.screenshot("74-commitment-confirm");
            // The A4 printer runs out of paper: the signed commitment waits at the desk, the screen says so and
            // offers to print it again once the paper is back (no new signature, no new number).
            var a4 = k.runtime.demo().orElseThrow().reportPrinter();
            a4.setFault(Optional.of(org.creditkiosk.printing.PrintFailure.Code.PAPER_OUT));
            fire(k, "#commit-confirm");
            k.awaitScreen("commitment_done", 60);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> k.exists("#commit-reprint"));
            assertThat(k.allTexts()).anyMatch(t -> t.contains("打印机需要加纸")).anyMatch(t -> t.contains("重新打印承诺书"));
            String heldNo = k.runtime.controller().view().services().signed().orElseThrow().commitmentNo();
            assertThat(k.text("#commitment-number")).contains(heldNo);
            k.screenshot("75-commitment-held");
            a4.setFault(Optional.empty());
            fire(k, "#commit-reprint");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> k.runtime.controller().view().state()
                    == org.creditkiosk.session.SessionState.COMMITMENT_DONE && k.runtime.controller().view().notice().isEmpty());
            k.awaitScreen("commitment_done", 10);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !k.exists("#commit-reprint"));
            k.screenshot("75-commitment-done");
            SessionView done = k.runtime.controller().view();
            assertThat(done.notice()).isEmpty();
            String no = done.services().signed().orElseThrow().commitmentNo();
            assertThat(no).as("the same commitment, printed again").isEqualTo(heldNo);
            String verifyUrl = done.services().signed().orElseThrow().verifyUrl();
            assertThat(k.text("#commitment-number")).contains(no);

            var receipt = k.runtime.demo().orElseThrow().receiptPrinter();
            assertThat(receipt.awaitSlips(1, java.time.Duration.ofSeconds(10))).as("the summary slip came out").isTrue();
            assertThat(String.join("\n", receipt.slips().get(0).textLines())).contains(no).contains("主动型");

            Path pdf = k.reportDir.resolve(no + ".pdf");
            assertThat(pdf).exists();
            checkPdf(pdf, template, verifyUrl);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pdf)));
            assertThat(k.runtime.demo().orElseThrow().platform().registeredCommitmentDigests()).contains(sha);
            Files.createDirectories(Path.of("target"));
            Files.copy(pdf, Path.of("target", "commitment-sample.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            fire(k, "#finish");
            k.awaitScreen("farewell", 5);
            k.runtime.demo().orElseThrow().remove();
            k.awaitScreen("attract", 15);
            KioskHarness.assertNoneContains(k.allTexts(), "王雅琴", no);

            // a second visit: the code on the paper
            k.runtime.demo().orElseThrow().scan(verifyUrl);
            k.awaitScreen("showing_verification", 20);
            assertThat(k.text("#verification-kind")).isEqualTo("信用承诺书");
            assertThat(k.text("#verification-status")).isEqualTo("承诺书有效");
            assertThat(k.allTexts()).anyMatch(t -> t.contains(template.title())).anyMatch(t -> t.contains(sha))
                    .noneMatch(t -> t.contains("王雅琴"));
            k.screenshot("76-commitment-verified");
        }
    }

    @Test
    void aComplaintVisitEndsInItsTicketAndBadInputsGetTheirAnswers(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            k.awaitScreen("attract", 10);
            k.runtime.demo().orElseThrow().placeNumber(CITIZEN);
            k.awaitScreen("showing_record", 20);
            fire(k, "#start-complaint");
            k.awaitScreen("complaining", 5);
            // right shape, wrong check character
            for (char c : "914403001922038217".toCharArray()) {
                fire(k, "#key-" + c);
            }
            fire(k, "#complaint-edit-done");
            // everything a citizen needs is on the screen, the submit button too
            Button submit = k.lookup("#complaint-submit", Button.class);
            javafx.geometry.Bounds sb = submit.localToScene(submit.getBoundsInLocal());
            assertThat(sb.getMaxY()).isLessThanOrEqualTo(submit.getScene().getHeight());
            assertThat(sb.getMinY()).isGreaterThan(0);
            fire(k, "#complaint-category-UNPAID_WAGES");
            fire(k, "#complaint-submit");
            assertThat(k.text("#complaint-error")).contains("校验码不正确");
            fire(k, "#complaint-uscc-edit");
            fire(k, "#key-backspace");
            fire(k, "#key-6");
            fire(k, "#complaint-edit-done");
            fire(k, "#complaint-description-edit");
            pinyin(k, "yulin", "榆林");
            fire(k, "#complaint-edit-done");
            fire(k, "#complaint-submit");
            assertThat(k.text("#complaint-error")).contains("10个字");
            k.screenshot("77-complaint-form");
            fire(k, "#complaint-description-edit");
            pinyin(k, "gongsi", "公司");
            pinyin(k, "tuoqian", "拖欠");
            pinyin(k, "gongren", "工人");
            pinyin(k, "gongzi", "工资");
            k.screenshot("77b-complaint-typing");
            fire(k, "#complaint-edit-done");
            fire(k, "#complaint-date-earlier");
            fire(k, "#complaint-submit");
            k.awaitScreen("complaint_filed", 20);
            k.screenshot("78-complaint-ticket");
            String ticket = k.runtime.controller().view().services().complaintTicket().orElseThrow().ticketNo();
            assertThat(k.text("#complaint-ticket-number")).contains(ticket);
            List<ComplaintRequest> received = k.runtime.demo().orElseThrow().platform().complaints();
            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.target().uscc()).contains("914403001922038216");
                assertThat(r.category()).isEqualTo(ComplaintRequest.Category.UNPAID_WAGES);
                assertThat(r.description()).isEqualTo("榆林公司拖欠工人工资");
                assertThat(r.occurredOn()).isPresent();
                assertThat(r.contactPhone()).isEmpty();
            });
            var receipt = k.runtime.demo().orElseThrow().receiptPrinter();
            assertThat(receipt.awaitSlips(1, java.time.Duration.ofSeconds(10))).isTrue();
            assertThat(String.join("\n", receipt.slips().get(0).textLines())).contains(ticket).doesNotContain("榆林公司有限");
            fire(k, "#finish");
            k.awaitScreen("farewell", 5);
        }
    }

    /** Three loops and an underline, dragged with the robot's mouse (touch arrives as mouse events on Linux). */
    private static void drawSignature(KioskHarness k) {
        Canvas canvas = k.lookup("#signature-canvas", Canvas.class);
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        for (int s = 0; s < 3; s++) {
            double cx = b.getMinX() + b.getWidth() * (0.2 + 0.28 * s);
            double cy = b.getMinY() + b.getHeight() * 0.45;
            k.robot.moveTo(new Point2D(cx + 70, cy));
            k.robot.press(MouseButton.PRIMARY);
            for (int i = 1; i <= 24; i++) {
                double t = i / 24.0 * 2 * Math.PI;
                k.robot.moveTo(new Point2D(cx + 70 * Math.cos(t) + i * 2, cy + 60 * Math.sin(t)));
            }
            k.robot.release(MouseButton.PRIMARY);
        }
        k.robot.moveTo(new Point2D(b.getMinX() + 60, b.getMinY() + b.getHeight() * 0.8));
        k.robot.press(MouseButton.PRIMARY);
        k.robot.moveTo(new Point2D(b.getMaxX() - 60, b.getMinY() + b.getHeight() * 0.75));
        k.robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void checkPdf(Path pdf, CommitmentTemplate template, String verifyUrl) throws Exception {
        String sig = run("pdfsig", pdf.toString());
        assertThat(sig).contains("Signature Validation: Signature is Valid.");
        assertThat(run("qpdf", "--check", pdf.toString())).contains("No syntax or stream encoding errors");
        List<String> fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(fonts).isNotEmpty().allSatisfy(l -> assertThat(l).as("embedded: " + l).containsPattern("\\s+yes\\s+(yes|no)\\s+(yes|no)\\s+\\d+"));
        // the handwritten signature: the PNG's 1000x400 pixels with their soft mask (black on transparent)
        assertThat(run("pdfimages", "-list", pdf.toString())).containsPattern("image\\s+1000\\s+400").containsPattern("smask\\s+1000\\s+400");
        String text = squash(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
        for (String paragraph : template.paragraphs()) {
            assertThat(text).as("verbatim text").contains(squash(paragraph));
        }
        assertThat(text).contains(template.department());
        Path png = pdf.resolveSibling("page");
        run("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdf.toString(), png.toString());
        Path page = Files.list(pdf.getParent()).filter(p -> p.getFileName().toString().startsWith("page")).findFirst().orElseThrow();
        // zbarimg may complain about D-Bus on stderr: only the decoded lines count
        assertThat(run("zbarimg", "--raw", "-q", page.toString()).lines().filter(l -> l.startsWith("http")))
                .containsExactly(verifyUrl);
        Files.delete(page);
    }

    private static String squash(String s) {
        return Stream.of(s.split("\\s+")).reduce("", String::concat);
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Types pinyin on the on-screen keyboard and picks the candidate {@code word} (paging if need be). */
    private static void pinyin(KioskHarness k, String letters, String word) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> org.creditkiosk.ui.input.PinyinDictionary.shared().isDone());
        for (char c : letters.toCharArray()) {
            fire(k, "#key-" + c);
        }
        for (int page = 0; page < 10; page++) {
            for (int i = 0; i < org.creditkiosk.ui.OnScreenKeyboard.CANDIDATES_PER_PAGE; i++) {
                if (k.exists("#cand-" + i) && word.equals(k.text("#cand-" + i))) {
                    fire(k, "#cand-" + i);
                    return;
                }
            }
            fire(k, "#cand-next");
        }
        throw new AssertionError(word + " not among the candidates for " + letters);
    }

    private static void fire(KioskHarness k, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> k.lookup(query, Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
