package org.creditkiosk.device.idcard;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 256-byte text block of a card (UCS-2 little-endian, every field padded with spaces), both ways: decoding
 * for the driver, encoding for the simulator. The character at bytes 248–249 selects the layout:
 * <pre>
 * resident (space)    name 0/30  sex 30/2  nation 32/4  birth 36/16  address 52/70  number 122/36
 *                     issuer 158/30  from 188/16  to 204/16 (date or 长期)  reserved 220/36
 * permit  (J)         as resident, but 32/4 reserved; pass number 220/18; issue count 238/4
 * foreign 2017 (I)    English name 0/120  sex 120/2  number 122/30  nationality 152/6  Chinese name 158/30
 *                     from 188/16  to 204/16  birth 220/16  version 236/4  authority code 240/8
 * foreign 2023 (Y)    Chinese name 0/30  sex 30/2  renewal count 32/4  birth 36/16  English name 52/70
 *                     number 122/36  English name (continued) 158/30  from 188/16  to 204/16  nationality 220/6
 * </pre>
 * (offset/length in bytes.) Fields are never cut at the first space, since foreign names contain spaces: only
 * the trailing padding is trimmed. The 2023 layout follows the readers' SDK outputs published with the
 * National Immigration Administration's adaptation notes; check it against a real card before relying on the
 * continued English name.
 */
public final class CardText {

    public static final int SIZE = 256;
    public static final int PHOTO_SIZE = 1024;
    static final String LONG_TERM = "长期";

    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,2}");
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A decoded card or the reason it is not one. */
    public sealed interface Result {
    }

    public record Decoded(IdentityCard card) implements Result {
    }

    public record Rejected(IdCardOutcome outcome) implements Result {
    }

    private CardText() {
    }

    /** Decodes a text block and verifies the identity number; {@code photo} passes through untouched. */
    public static Result decode(byte[] text, byte[] photo) {
        if (text.length != SIZE) {
            return new Rejected(new IdCardOutcome.UnreadableText("text block size " + text.length));
        }
        try {
            char type = field(text, 248, 2).isEmpty() ? ' ' : field(text, 248, 2).charAt(0);
            IdentityCard card = switch (type) {
                case ' ' -> resident(text, photo, CardType.RESIDENT);
                case 'J' -> resident(text, photo, CardType.HMT_RESIDENCE_PERMIT);
                case 'I' -> foreign2017(text, photo);
                case 'Y' -> foreign2023(text, photo);
                default -> throw new Unreadable("card type");
            };
            boolean numberOk = card.cardType() == CardType.FOREIGN_PERMANENT_RESIDENT && type == 'I'
                    ? IdNumbers.isValidForeign2017(card.idNumber())
                    : IdNumbers.isValid(card.idNumber());
            if (!numberOk) {
                return new Rejected(new IdCardOutcome.InvalidIdNumber(card.cardType(), card.maskedIdNumber()));
            }
            return new Decoded(card);
        } catch (Unreadable e) {
            return new Rejected(new IdCardOutcome.UnreadableText(e.getMessage()));
        }
    }

    private static IdentityCard resident(byte[] t, byte[] photo, CardType type) {
        String nation = "";
        Optional<String> pass = Optional.empty();
        Optional<Integer> count = Optional.empty();
        if (type == CardType.RESIDENT) {
            nation = field(t, 32, 4);
            if (Nations.name(nation).isEmpty()) {
                throw new Unreadable("nation");
            }
        } else {
            pass = nonEmpty(field(t, 220, 18));
            count = number(field(t, 238, 4), "issue count");
        }
        return new IdentityCard(type, required(field(t, 0, 30), "name"), Optional.empty(), sex(field(t, 30, 2)),
                nation, date(field(t, 36, 16), "birth date"), field(t, 52, 70), field(t, 122, 36),
                field(t, 158, 30), date(field(t, 188, 16), "valid from"), validTo(field(t, 204, 16)),
                pass, count, Optional.empty(), photo);
    }

    private static IdentityCard foreign2017(byte[] t, byte[] photo) {
        return new IdentityCard(CardType.FOREIGN_PERMANENT_RESIDENT, field(t, 158, 30),
                Optional.of(required(field(t, 0, 120), "English name")), sex(field(t, 120, 2)),
                required(field(t, 152, 6), "nationality"), date(field(t, 220, 16), "birth date"), "",
                field(t, 122, 30), field(t, 240, 8), date(field(t, 188, 16), "valid from"),
                validTo(field(t, 204, 16)), Optional.empty(), Optional.empty(), nonEmpty(field(t, 236, 4)), photo);
    }

    private static IdentityCard foreign2023(byte[] t, byte[] photo) {
        String english = trimPadding(raw(t, 52, 70) + raw(t, 158, 30));
        return new IdentityCard(CardType.FOREIGN_PERMANENT_RESIDENT, field(t, 0, 30),
                Optional.of(required(english, "English name")), sex(field(t, 30, 2)),
                required(field(t, 220, 6), "nationality"), date(field(t, 36, 16), "birth date"), "",
                field(t, 122, 36), "", date(field(t, 188, 16), "valid from"), validTo(field(t, 204, 16)),
                Optional.empty(), number(field(t, 32, 4), "renewal count"), Optional.empty(), photo);
    }

    /** Encodes a card into its 256-byte text block (the simulator's side). */
    public static byte[] encode(IdentityCard c) {
        byte[] t = new byte[SIZE];
        put(t, 0, SIZE, "");
        switch (c.cardType()) {
            case RESIDENT, HMT_RESIDENCE_PERMIT -> {
                put(t, 0, 30, c.name());
                put(t, 30, 2, String.valueOf(c.sex().code()));
                put(t, 36, 16, YMD.format(c.birthDate()));
                put(t, 52, 70, c.address());
                put(t, 122, 36, c.idNumber());
                put(t, 158, 30, c.issuer());
                put(t, 188, 16, YMD.format(c.validFrom()));
                put(t, 204, 16, c.validTo().map(YMD::format).orElse(LONG_TERM));
                if (c.cardType() == CardType.RESIDENT) {
                    put(t, 32, 4, c.nationCode());
                } else {
                    put(t, 220, 18, c.passNumber().orElse(""));
                    put(t, 238, 4, c.issueCount().map(n -> String.format("%02d", n)).orElse(""));
                    put(t, 248, 2, "J");
                }
            }
            case FOREIGN_PERMANENT_RESIDENT -> {
                if (c.idNumber().length() == 15) {
                    put(t, 0, 120, c.englishName().orElse(""));
                    put(t, 120, 2, String.valueOf(c.sex().code()));
                    put(t, 122, 30, c.idNumber());
                    put(t, 152, 6, c.nationCode());
                    put(t, 158, 30, c.name());
                    put(t, 188, 16, YMD.format(c.validFrom()));
                    put(t, 204, 16, c.validTo().map(YMD::format).orElse(LONG_TERM));
                    put(t, 220, 16, YMD.format(c.birthDate()));
                    put(t, 236, 4, c.cardVersion().orElse(""));
                    put(t, 240, 8, c.issuer());
                    put(t, 248, 2, "I");
                } else {
                    String english = c.englishName().orElse("");
                    put(t, 0, 30, c.name());
                    put(t, 30, 2, String.valueOf(c.sex().code()));
                    put(t, 32, 4, c.issueCount().map(n -> String.format("%02d", n)).orElse(""));
                    put(t, 36, 16, YMD.format(c.birthDate()));
                    put(t, 52, 70, english.substring(0, Math.min(35, english.length())));
                    put(t, 122, 36, c.idNumber());
                    put(t, 158, 30, english.length() > 35 ? english.substring(35) : "");
                    put(t, 188, 16, YMD.format(c.validFrom()));
                    put(t, 204, 16, c.validTo().map(YMD::format).orElse(LONG_TERM));
                    put(t, 220, 6, c.nationCode());
                    put(t, 248, 2, "Y");
                }
            }
            default -> throw new IllegalStateException();
        }
        return t;
    }

    private static void put(byte[] t, int off, int len, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_16LE);
        if (b.length > len) {
            throw new IllegalArgumentException("value of " + value.length() + " characters does not fit "
                    + len + " bytes at offset " + off);
        }
        System.arraycopy(b, 0, t, off, b.length);
        for (int i = off + b.length; i < off + len; i += 2) {
            t[i] = 0x20;
            t[i + 1] = 0;
        }
    }

    private static String raw(byte[] t, int off, int len) {
        return new String(t, off, len, StandardCharsets.UTF_16LE);
    }

    /** The field without its trailing padding (spaces, and NULs some readers use); inner spaces are kept. */
    private static String field(byte[] t, int off, int len) {
        return trimPadding(raw(t, off, len));
    }

    private static String trimPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String required(String value, String field) {
        if (value.isEmpty()) {
            throw new Unreadable(field);
        }
        return value;
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Integer> number(String value, String field) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!COUNT.matcher(value).matches()) {
            throw new Unreadable(field);
        }
        return Optional.of(Integer.parseInt(value));
    }

    private static Sex sex(String code) {
        if (code.length() != 1) {
            throw new Unreadable("sex");
        }
        return Sex.ofCode(code.charAt(0)).orElseThrow(() -> new Unreadable("sex"));
    }

    private static LocalDate date(String value, String field) {
        if (!EIGHT_DIGITS.matcher(value).matches()) {
            throw new Unreadable(field);
        }
        try {
            return LocalDate.parse(value, YMD);
        } catch (DateTimeException e) {
            throw new Unreadable(field);
        }
    }

    private static Optional<LocalDate> validTo(String value) {
        return LONG_TERM.equals(value) ? Optional.empty() : Optional.of(date(value, "valid to"));
    }

    /** Splits a read answer's data (TL, PL [, FL], blocks) into text and photo. */
    static Optional<byte[][]> split(byte[] data, boolean withFingerprint) {
        int head = withFingerprint ? 6 : 4;
        if (data.length < head) {
            return Optional.empty();
        }
        int tl = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int pl = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        int fl = withFingerprint ? ((data[4] & 0xFF) << 8) | (data[5] & 0xFF) : 0;
        if (tl != SIZE || pl != PHOTO_SIZE || data.length != head + tl + pl + fl) {
            return Optional.empty();
        }
        return Optional.of(new byte[][] {
            Arrays.copyOfRange(data, head, head + tl),
            Arrays.copyOfRange(data, head + tl, head + tl + pl)
        });
    }

    /** A field that cannot be read; carries the field's name only (never its content). */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String field) {
            super(field, null, false, false);
        }
    }
}
