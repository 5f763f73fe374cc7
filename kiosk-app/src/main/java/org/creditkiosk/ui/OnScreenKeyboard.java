package org.creditkiosk.ui;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The kiosk's touch keyboard. The kiosk has no physical keyboard and no input method, so this is the only way to
 * type: it writes into a bound {@link StringProperty} (usually a read-only field's text) and never lets it grow past
 * the field's maximum length. Keys are at least 64 px on either screen size.
 *
 * <p>Layouts: {@link Layout#USCC} offers digits and the letters of GB 32100-2015's 31-character set (I, O, S, V and
 * Z are shown but disabled: they never occur in a code, and greyed keys answer "where is the O?" better than
 * missing ones); {@link Layout#PHONE} is a digit pad; {@link Layout#TEXT} offers Latin letters, digits, space and a
 * row of common Chinese words for names and reasons.
 */
public final class OnScreenKeyboard extends VBox {

    public enum Layout { USCC, PHONE, TEXT }

    /** Quick-insert words for company names and objection reasons (there is no IME on the kiosk). */
    public static final List<String> COMMON_WORDS = List.of(
            "榆林", "公司", "有限", "商贸", "建设", "科技", "餐饮", "中心", "已经",
            "撤销", "更正", "错误", "不是本人", "已缴纳", "已履行", "信息有误");

    /** Letters GB 32100-2015 leaves out of the code's character set (they look like 1, 0, 5, U and 2). */
    static final String USCC_EXCLUDED_LETTERS = "IOSVZ";

    private static final String[] LETTER_ROWS = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};

    private final Texts texts;
    private Layout layout;
    private StringProperty target = new SimpleStringProperty("");
    private int maxLength = 60;
    private boolean upperCase = true;

    public OnScreenKeyboard(Texts texts, Layout layout) {
        this.texts = Objects.requireNonNull(texts);
        this.layout = Objects.requireNonNull(layout);
        getStyleClass().add("osk");
        setId("osk");
        setAlignment(Pos.CENTER);
        rebuild();
    }

    /** Types into {@code target} from now on, never past {@code maxLength} characters. */
    public void target(StringProperty target, int maxLength) {
        this.target = Objects.requireNonNull(target);
        this.maxLength = maxLength;
    }

    public Layout keyLayout() {
        return layout;
    }

    public void keyLayout(Layout layout) {
        if (this.layout != layout) {
            this.layout = layout;
            rebuild();
        }
    }

    /** Rebuilds the keys (also after a language switch: the labels of the function keys change). */
    public void rebuild() {
        getChildren().clear();
        getStyleClass().removeAll("osk-uscc", "osk-phone", "osk-text");
        getStyleClass().add("osk-" + layout.name().toLowerCase());
        if (layout == Layout.PHONE) {
            buildPhone();
        } else if (layout == Layout.USCC) {
            buildUscc();
        } else {
            buildText();
        }
    }

    private void buildPhone() {
        String[][] rows = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}};
        for (String[] r : rows) {
            HBox row = row();
            for (String k : r) {
                row.getChildren().add(charKey(k));
            }
            getChildren().add(row);
        }
        getChildren().add(row(clearKey(), charKey("0"), backspaceKey()));
    }

    private void buildUscc() {
        HBox digits = row();
        for (char c : "1234567890".toCharArray()) {
            digits.getChildren().add(charKey(String.valueOf(c)));
        }
        getChildren().add(digits);
        for (int i = 0; i < LETTER_ROWS.length; i++) {
            HBox row = row();
            for (char c : LETTER_ROWS[i].toCharArray()) {
                Button b = charKey(String.valueOf(c));
                b.setDisable(USCC_EXCLUDED_LETTERS.indexOf(c) >= 0);
                row.getChildren().add(b);
            }
            if (i == 1) {
                row.getChildren().add(backspaceKey());
            } else if (i == 2) {
                row.getChildren().add(clearKey());
            }
            getChildren().add(row);
        }
    }

    private void buildText() {
        FlowPane words = new FlowPane(10, 10);
        words.getStyleClass().add("osk-words");
        words.setAlignment(Pos.CENTER);
        for (int i = 0; i < COMMON_WORDS.size(); i++) {
            String w = COMMON_WORDS.get(i);
            Button b = Widgets.button(w, "osk-word", "word-" + i, () -> type(w));
            words.getChildren().add(b);
        }
        getChildren().add(words);
        HBox digits = row();
        for (char c : "1234567890".toCharArray()) {
            digits.getChildren().add(charKey(String.valueOf(c)));
        }
        getChildren().add(digits);
        for (int i = 0; i < LETTER_ROWS.length; i++) {
            HBox row = row();
            if (i == 2) {
                Button shift = Widgets.button(upperCase ? "ABC" : "abc", "osk-key", "key-shift", () -> {
                    upperCase = !upperCase;
                    rebuild();
                });
                shift.getStyleClass().addAll("osk-function", "osk-wide");
                row.getChildren().add(shift);
            }
            for (char c : LETTER_ROWS[i].toCharArray()) {
                String s = String.valueOf(upperCase ? c : Character.toLowerCase(c));
                row.getChildren().add(charKey(s));
            }
            if (i == 1) {
                row.getChildren().add(backspaceKey());
            } else if (i == 2) {
                row.getChildren().add(clearKey());
            }
            getChildren().add(row);
        }
        Button space = Widgets.button(texts.t("osk.space"), "osk-key", "key-space", () -> type(" "));
        space.getStyleClass().addAll("osk-function", "osk-space");
        getChildren().add(row(space));
    }

    private HBox row(javafx.scene.Node... keys) {
        HBox row = new HBox(10, keys);
        row.setAlignment(Pos.CENTER);
        row.getStyleClass().add("osk-row");
        return row;
    }

    private Button charKey(String s) {
        return Widgets.button(s, "osk-key", "key-" + s, () -> type(s));
    }

    private Button backspaceKey() {
        Button b = Widgets.button(texts.t("osk.backspace"), "osk-key", "key-backspace", this::backspace);
        b.getStyleClass().addAll("osk-function", "osk-wide");
        return b;
    }

    private Button clearKey() {
        Button b = Widgets.button(texts.t("osk.clear"), "osk-key", "key-clear", () -> target.set(""));
        b.getStyleClass().addAll("osk-function", "osk-wide");
        return b;
    }

    /** Appends {@code s} if all of it fits (half a word would be worse than none). */
    void type(String s) {
        String current = Objects.requireNonNullElse(target.get(), "");
        if (current.length() + s.length() <= maxLength) {
            target.set(current + s);
        }
    }

    void backspace() {
        String current = Objects.requireNonNullElse(target.get(), "");
        if (!current.isEmpty()) {
            target.set(current.substring(0, current.offsetByCodePoints(current.length(), -1)));
        }
    }
}
