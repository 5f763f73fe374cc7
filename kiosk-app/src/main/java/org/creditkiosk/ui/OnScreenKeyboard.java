package org.creditkiosk.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.creditkiosk.ui.input.PinyinDictionary;

/**
 * The kiosk's touch keyboard, the one way to type on a kiosk without a physical keyboard or an input method. Every
 * free-text field uses it the same way: {@code new OnScreenKeyboard(texts, Layout.TEXT)} then
 * {@link #target(StringProperty, int)} with the field's text property and maximum length; the keyboard never lets the
 * text grow past it.
 *
 * <p>Layouts: {@link Layout#USCC} offers digits and the letters of GB 32100-2015's 31-character set (I, O, S, V and
 * Z are shown but disabled: they never occur in a code, and greyed keys answer "where is the O?" better than
 * missing ones); {@link Layout#PHONE} is a digit pad; {@link Layout#TEXT} offers pinyin input (the default), Latin
 * letters, digits and space. In pinyin mode the letters typed collect in a composition line ({@code #osk-pinyin});
 * the candidate bar ({@code #cand-0} …, paged by {@code #cand-prev} / {@code #cand-next}) offers words from the
 * {@link PinyinDictionary} for full pinyin and initials ({@code yulin} and {@code yl} both offer 榆林); a candidate
 * types its word and consumes the letters it spells; space types the first candidate; backspace takes back a
 * letter before it deletes text. {@code #key-ime} switches between 中 (pinyin) and 英 (Latin letters).
 */
public final class OnScreenKeyboard extends VBox {

    public enum Layout { USCC, PHONE, TEXT }

    /** Candidates on one page of the candidate bar. */
    public static final int CANDIDATES_PER_PAGE = 6;
    /** Candidates looked up for the letters typed (ten pages). */
    static final int MAX_CANDIDATES = 60;
    /** Letters the composition line holds (a long phrase is typed in parts). */
    static final int MAX_PINYIN = 24;

    /** Letters GB 32100-2015 leaves out of the code's character set (they look like 1, 0, 5, U and 2). */
    static final String USCC_EXCLUDED_LETTERS = "IOSVZ";

    private static final String[] LETTER_ROWS = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};

    private final Texts texts;
    private Layout layout;
    private StringProperty target = new SimpleStringProperty("");
    private int maxLength = 60;
    private boolean upperCase = true;
    private final CompletableFuture<PinyinDictionary> dictionary;
    private boolean pinyin = true;
    private final StringBuilder letters = new StringBuilder();
    private List<PinyinDictionary.Candidate> candidates = List.of();
    private int candidatePage;
    private HBox candidateBar;
    private Label composition;

    /**
     * A keyboard whose pinyin input uses the kiosk's shared dictionary ({@link PinyinDictionary#shared()}), whatever
     * layout it starts in: a form may switch one keyboard between its fields (a USCC, then a free text).
     */
    public OnScreenKeyboard(Texts texts, Layout layout) {
        this(texts, layout, PinyinDictionary.shared());
    }

    public OnScreenKeyboard(Texts texts, Layout layout, CompletableFuture<PinyinDictionary> dictionary) {
        this.texts = Objects.requireNonNull(texts);
        this.layout = Objects.requireNonNull(layout);
        this.dictionary = Objects.requireNonNull(dictionary);
        getStyleClass().add("osk");
        setId("osk");
        setAlignment(Pos.CENTER);
        if (!dictionary.isDone()) {
            // Built at start on its own thread; the candidates appear as soon as it is ready.
            dictionary.whenComplete((d, e) -> Platform.runLater(this::refreshCandidates));
        }
        rebuild();
    }

    /** True while letter keys compose pinyin (TEXT layout, 中). */
    public boolean pinyinMode() {
        return layout == Layout.TEXT && pinyin;
    }

    /** The letters typed and not yet turned into Chinese. */
    public String composing() {
        return letters.toString();
    }

    /** The candidates on the page shown. */
    public List<String> shownCandidates() {
        int from = Math.min(candidates.size(), candidatePage * CANDIDATES_PER_PAGE);
        int to = Math.min(candidates.size(), from + CANDIDATES_PER_PAGE);
        return candidates.subList(from, to).stream().map(PinyinDictionary.Candidate::text).toList();
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
            // letters being composed belong to the field left behind
            letters.setLength(0);
            candidates = List.of();
            candidatePage = 0;
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
        if (pinyinMode()) {
            composition = Widgets.label(letters.toString(), "osk-composition");
            composition.setId("osk-pinyin");
            candidateBar = new HBox(8);
            candidateBar.getStyleClass().add("osk-candidates");
            candidateBar.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(candidateBar, javafx.scene.layout.Priority.ALWAYS);
            Button prev = Widgets.button("◀", "osk-key", "cand-prev", () -> page(-1));
            Button next = Widgets.button("▶", "osk-key", "cand-next", () -> page(1));
            prev.getStyleClass().addAll("osk-function", "osk-pager");
            next.getStyleClass().addAll("osk-function", "osk-pager");
            HBox bar = new HBox(8, composition, candidateBar, prev, next);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.getStyleClass().add("osk-candidate-row");
            getChildren().add(bar);
            fillCandidates(prev, next);
        }
        HBox digits = row();
        for (char c : "1234567890".toCharArray()) {
            digits.getChildren().add(charKey(String.valueOf(c)));
        }
        getChildren().add(digits);
        for (int i = 0; i < LETTER_ROWS.length; i++) {
            HBox row = row();
            if (i == 2) {
                Button shift;
                if (pinyinMode()) {
                    shift = Widgets.button(texts.t("osk.latin"), "osk-key", "key-ime", () -> switchIme(false));
                } else {
                    shift = Widgets.button(upperCase ? "ABC" : "abc", "osk-key", "key-shift", () -> {
                        upperCase = !upperCase;
                        rebuild();
                    });
                }
                shift.getStyleClass().addAll("osk-function", "osk-wide");
                row.getChildren().add(shift);
            }
            for (char c : LETTER_ROWS[i].toCharArray()) {
                if (pinyinMode()) {
                    String s = String.valueOf(Character.toLowerCase(c));
                    row.getChildren().add(Widgets.button(s, "osk-key", "key-" + s, () -> compose(s)));
                } else {
                    String s = String.valueOf(upperCase ? c : Character.toLowerCase(c));
                    row.getChildren().add(charKey(s));
                }
            }
            if (i == 1) {
                row.getChildren().add(backspaceKey());
            } else if (i == 2) {
                row.getChildren().add(clearKey());
            }
            getChildren().add(row);
        }
        Button space = Widgets.button(texts.t("osk.space"), "osk-key", "key-space", this::space);
        space.getStyleClass().addAll("osk-function", "osk-space");
        HBox last = row();
        if (!pinyinMode()) {
            Button ime = Widgets.button(texts.t("osk.chinese"), "osk-key", "key-ime", () -> switchIme(true));
            ime.getStyleClass().addAll("osk-function", "osk-wide");
            ime.setDisable(dictionary.isCompletedExceptionally());
            last.getChildren().add(ime);
        }
        last.getChildren().add(space);
        getChildren().add(last);
    }

    private void switchIme(boolean toPinyin) {
        if (!toPinyin && letters.length() > 0) {
            // The letters typed so far are kept as they are.
            type(letters.toString());
            letters.setLength(0);
        }
        pinyin = toPinyin;
        candidates = List.of();
        rebuild();
    }

    private void compose(String letter) {
        if (letters.length() < MAX_PINYIN) {
            letters.append(letter);
            lookUp();
        }
    }

    private void lookUp() {
        PinyinDictionary d = dictionary.getNow(null);
        candidates = d == null || letters.length() == 0 ? List.of() : d.candidates(letters.toString(), MAX_CANDIDATES);
        candidatePage = 0;
        showCandidates();
    }

    private void refreshCandidates() {
        if (pinyinMode() && dictionary.isCompletedExceptionally()) {
            // Without a dictionary there is no Chinese: keep the letters as Latin text.
            switchIme(false);
        } else if (pinyinMode()) {
            lookUp();
        }
    }

    private void page(int delta) {
        int pages = Math.max(1, (candidates.size() + CANDIDATES_PER_PAGE - 1) / CANDIDATES_PER_PAGE);
        candidatePage = Math.max(0, Math.min(pages - 1, candidatePage + delta));
        showCandidates();
    }

    private void showCandidates() {
        if (candidateBar == null || !pinyinMode()) {
            return;
        }
        composition.setText(letters.toString());
        javafx.scene.Node bar = candidateBar.getParent();
        Button prev = (Button) bar.lookup("#cand-prev");
        Button next = (Button) bar.lookup("#cand-next");
        fillCandidates(prev, next);
    }

    private void fillCandidates(Button prev, Button next) {
        candidateBar.getChildren().clear();
        if (letters.length() > 0 && !dictionary.isDone()) {
            candidateBar.getChildren().add(Widgets.label(texts.t("osk.pinyinLoading"), "muted"));
        } else if (letters.length() == 0) {
            candidateBar.getChildren().add(Widgets.label(texts.t("osk.pinyinHint"), "muted", "osk-hint"));
        } else {
            int from = candidatePage * CANDIDATES_PER_PAGE;
            for (int i = from; i < Math.min(candidates.size(), from + CANDIDATES_PER_PAGE); i++) {
                PinyinDictionary.Candidate c = candidates.get(i);
                Button b = Widgets.button(c.text(), "osk-word", "cand-" + (i - from), () -> choose(c));
                candidateBar.getChildren().add(b);
            }
            if (candidates.isEmpty()) {
                candidateBar.getChildren().add(Widgets.label(texts.t("osk.pinyinNone"), "muted"));
            }
        }
        prev.setDisable(candidatePage == 0);
        next.setDisable((candidatePage + 1) * CANDIDATES_PER_PAGE >= candidates.size());
    }

    private void choose(PinyinDictionary.Candidate c) {
        String before = Objects.requireNonNullElse(target.get(), "");
        type(c.text());
        if (!before.equals(target.get()) || c.text().isEmpty()) {
            letters.delete(0, Math.min(c.consumed(), letters.length()));
        }
        lookUp();
    }

    private void space() {
        if (pinyinMode() && letters.length() > 0) {
            if (!candidates.isEmpty()) {
                choose(candidates.get(0));
            }
        } else {
            type(" ");
        }
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
        Button b = Widgets.button(texts.t("osk.clear"), "osk-key", "key-clear", () -> {
            target.set("");
            if (letters.length() > 0) {
                letters.setLength(0);
                lookUp();
            }
        });
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
        if (pinyinMode() && letters.length() > 0) {
            letters.setLength(letters.length() - 1);
            lookUp();
            return;
        }
        String current = Objects.requireNonNullElse(target.get(), "");
        if (!current.isEmpty()) {
            target.set(current.substring(0, current.offsetByCodePoints(current.length(), -1)));
        }
    }
}
