package org.creditkiosk.device.idcard;

import java.util.Optional;

/** Sex codes of GB/T 2261.1 as written on the card: {@code 0} unknown, {@code 1} male, {@code 2} female, {@code 9} unstated. */
public enum Sex {
    UNKNOWN('0', "未知"),
    MALE('1', "男"),
    FEMALE('2', "女"),
    UNSTATED('9', "未说明");

    private final char code;
    private final String chinese;

    Sex(char code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public char code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<Sex> ofCode(char c) {
        for (Sex s : values()) {
            if (s.code == c) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
