package org.creditkiosk.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.api.CommitmentRequest;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ReportDigest;

/**
 * The demo platform's credit commitment forms and what was signed with them (contract 1.1, issue 15): templates of the
 * four kinds for persons and organisations ({@code /demo/commitment-templates.json}), the platform's checks of a
 * signature image (a PNG, within 1200x600, not blank), and the signed commitments with their digests. Guarded by the
 * owning {@link DemoPlatform}'s lock.
 */
final class DemoCommitments {

    /** Who a template is for. */
    enum Audience { PERSON, ORGANIZATION }

    /** Dark pixels a drawn signature has at least (a dot or a stray touch has far fewer). */
    static final int MIN_INK_PIXELS = 150;

    record Signed(String commitmentNo, CommitmentTemplate template, String recordId, String subjectName,
                  Instant signedAt, LocalDate publicUntil, Optional<ReportDigest> digest) {
        Signed withDigest(ReportDigest d) {
            return new Signed(commitmentNo, template, recordId, subjectName, signedAt, publicUntil, Optional.of(d));
        }
    }

    private final Map<String, CommitmentTemplate> templates = new LinkedHashMap<>();
    private final Map<String, Audience> audience = new LinkedHashMap<>();
    private final Map<String, Signed> signed = new LinkedHashMap<>();

    DemoCommitments() {
        try (InputStream in = DemoCommitments.class.getResourceAsStream("/demo/commitment-templates.json")) {
            if (in == null) {
                throw new IllegalStateException("demo fixture /demo/commitment-templates.json is missing");
            }
            for (JsonNode t : Json.mapper().readTree(in).get("templates")) {
                List<String> paragraphs = new ArrayList<>();
                t.get("paragraphs").forEach(p -> paragraphs.add(p.asText()));
                CommitmentTemplate template = new CommitmentTemplate(t.get("templateId").asText(), t.get("version").asInt(),
                        CommitmentTemplate.Kind.valueOf(t.get("kind").asText()), t.get("title").asText(),
                        t.get("department").asText(), Optional.ofNullable(t.get("matter")).map(JsonNode::asText),
                        paragraphs, CommitmentTemplate.textSha256(paragraphs),
                        Optional.ofNullable(t.get("publicDays")).map(JsonNode::asInt));
                templates.put(template.templateId(), template);
                audience.put(template.templateId(), Audience.valueOf(t.get("for").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo commitment templates", e);
        }
    }

    /** The templates for {@code who}, newest (highest version) first. */
    List<CommitmentTemplate> templatesFor(Audience who) {
        return templates.values().stream().filter(t -> audience.get(t.templateId()) == who)
                .sorted((a, b) -> Integer.compare(b.version(), a.version())).toList();
    }

    Optional<CommitmentTemplate> template(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    Optional<Audience> audienceOf(String templateId) {
        return Optional.ofNullable(audience.get(templateId));
    }

    /** A department revises a form: new version, one more sentence. For TEMPLATE_CHANGED demonstrations and tests. */
    CommitmentTemplate revise(String templateId) {
        CommitmentTemplate t = templates.get(templateId);
        if (t == null) {
            throw new IllegalArgumentException("no demo template " + templateId);
        }
        List<String> paragraphs = new ArrayList<>(t.paragraphs());
        paragraphs.add("（第" + (t.version() + 1) + "版修订）本承诺自签署之日起生效。");
        CommitmentTemplate revised = new CommitmentTemplate(t.templateId(), t.version() + 1, t.kind(), t.title(),
                t.department(), t.matter(), paragraphs, CommitmentTemplate.textSha256(paragraphs), t.publicDays());
        templates.put(templateId, revised);
        return revised;
    }

    /**
     * The platform's checks of the request against the template: the version and the text hash shown (TEMPLATE_CHANGED),
     * and the signature image (INVALID_ARGUMENT: not Base64, not a PNG, too large, blank).
     */
    CommitmentTemplate check(CommitmentRequest request) throws DemoError {
        CommitmentTemplate t = templates.get(request.templateId());
        if (t == null) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "unknown templateId");
        }
        if (t.version().intValue() != request.templateVersion() || !t.textSha256().equals(request.textSha256())) {
            throw new DemoError(ErrorCode.TEMPLATE_CHANGED, "template is now version " + t.version());
        }
        checkSignature(request.signatureImage());
        return t;
    }

    static void checkSignature(String base64) throws DemoError {
        byte[] png;
        try {
            png = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "signatureImage is not Base64");
        }
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (png.length < magic.length || !Arrays.equals(Arrays.copyOf(png, magic.length), magic)) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "signatureImage is not a PNG");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "signatureImage is not a readable PNG");
        }
        if (image.getWidth() > CommitmentRequest.MAX_WIDTH || image.getHeight() > CommitmentRequest.MAX_HEIGHT) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "signatureImage is larger than 1200x600 px");
        }
        if (inkPixels(image) < MIN_INK_PIXELS) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "signatureImage is blank");
        }
    }

    /** Pixels that are visible (alpha) and dark: the ink of a black-on-transparent or black-on-white signature. */
    static int inkPixels(BufferedImage image) {
        int ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int lum = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
                if (alpha > 128 && lum < 128) {
                    ink++;
                }
            }
        }
        return ink;
    }

    void add(Signed s) {
        signed.put(s.commitmentNo(), s);
    }

    Optional<Signed> signed(String commitmentNo) {
        return Optional.ofNullable(signed.get(commitmentNo));
    }

    void put(Signed s) {
        signed.put(s.commitmentNo(), s);
    }

    List<String> digests() {
        return signed.values().stream().flatMap(s -> s.digest().stream()).map(ReportDigest::sha256).toList();
    }
}
