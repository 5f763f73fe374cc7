package org.creditkiosk.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A hall content file that a signed bundle names by its SHA-256 (contract 1.1, {@code GET /v1/content/{sha256}}):
 * a PNG or JPEG image of at most 1920×1080, or a WAV file of PCM audio, at most 5 MiB. Checked by
 * {@code kiosk admin content} before administrators name it, and by the kiosk before it caches one.
 */
public record ContentFile(Kind kind, String sha256, long size, String detail) {

    /** The contract's limit for a content file. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_WIDTH = 1920;
    public static final int MAX_HEIGHT = 1080;

    public enum Kind { PNG, JPEG, WAV }

    /** Checks the bytes; throws {@link IllegalArgumentException} with the reason when they are not acceptable content. */
    public static ContentFile check(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(bytes.length + " bytes, more than the contract's 5 MiB");
        }
        Kind kind = kindOf(bytes);
        String detail = switch (kind) {
            case PNG, JPEG -> image(bytes, kind);
            case WAV -> wav(bytes);
        };
        return new ContentFile(kind, sha256(bytes), bytes.length, detail);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Kind kindOf(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Kind.PNG;
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Kind.JPEG;
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'A'
                && b[10] == 'V' && b[11] == 'E') {
            return Kind.WAV;
        }
        throw new IllegalArgumentException("not a PNG, JPEG or WAV file");
    }

    private static String image(byte[] bytes, Kind kind) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("no reader for this " + kind);
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                int w = r.getWidth(0);
                int h = r.getHeight(0);
                if (w > MAX_WIDTH || h > MAX_HEIGHT) {
                    throw new IllegalArgumentException(kind + " of " + w + "×" + h + ", larger than " + MAX_WIDTH + "×" + MAX_HEIGHT);
                }
                // decode it whole: a truncated or corrupt file is refused here, not on the attract screen
                r.read(0);
                return kind + " " + w + "×" + h;
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable " + kind + " (" + e.getMessage() + ")");
        }
    }

    private static String wav(byte[] bytes) {
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(bytes));
            AudioFormat a = f.getFormat();
            if (!a.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) && !a.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
                throw new IllegalArgumentException("WAV encoded as " + a.getEncoding() + ", not PCM");
            }
            return "WAV PCM " + (int) a.getSampleRate() + " Hz " + a.getSampleSizeInBits() + " bit " + a.getChannels() + " ch";
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new IllegalArgumentException("unreadable WAV (" + e.getMessage() + ")");
        }
    }
}
