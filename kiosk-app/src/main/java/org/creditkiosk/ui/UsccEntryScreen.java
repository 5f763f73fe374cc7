package org.creditkiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.creditkiosk.platform.UnifiedSocialCreditCode;
import org.creditkiosk.session.SessionEvent;

/**
 * Manual entry of an organisation's Unified Social Credit Code on the touch keyboard. The code is checked after
 * GB 32100-2015 while it is typed (characters, the area code, the organisation code's own check, the check
 * character) so that a mistyped code never becomes a request; the confirm button is enabled only for a valid code
 * and emits {@link SessionEvent.ChooseOrganization}.
 *
 * <p>The 18 characters are shown in cells grouped as the standard defines them (registration authority and
 * organisation type, area code, organisation code, check character), so a citizen comparing with a licence can
 * see where a mistake is.
 */
public final class UsccEntryScreen extends StackPane {

    static final int LENGTH = 18;

    private final Texts texts;
    private final Consumer<SessionEvent> events;
    private final Runnable onBack;
    private final StringProperty code = new SimpleStringProperty("");
    private final List<Label> cells = new ArrayList<>();
    private Label message;
    private Button confirm;
    private OnScreenKeyboard keyboard;

    public UsccEntryScreen(Texts texts, Consumer<SessionEvent> events, Runnable onBack) {
        this.texts = Objects.requireNonNull(texts);
        this.events = Objects.requireNonNull(events);
        this.onBack = Objects.requireNonNull(onBack);
        setId("screen-uscc-entry");
        getStyleClass().add("content");
        code.addListener((obs, was, is) -> refresh());
        rebuild();
    }

    /** The code typed so far (the keyboard's target). */
    public StringProperty code() {
        return code;
    }

    /** Builds the nodes anew, e.g. after a language switch; what was typed stays. */
    public void rebuild() {
        cells.clear();
        HBox groups = new HBox(18);
        groups.setAlignment(Pos.CENTER);
        int[][] spans = {{0, 2}, {2, 8}, {8, 17}, {17, 18}};
        String[] captions = {"uscc.part.type", "uscc.part.area", "uscc.part.org", "uscc.part.check"};
        for (int g = 0; g < spans.length; g++) {
            HBox boxes = new HBox(6);
            boxes.setAlignment(Pos.CENTER);
            for (int i = spans[g][0]; i < spans[g][1]; i++) {
                Label cell = new Label();
                cell.getStyleClass().add("uscc-cell");
                cell.setId("uscc-cell-" + (i + 1));
                cells.add(cell);
                boxes.getChildren().add(cell);
            }
            VBox group = Widgets.column(8, Pos.CENTER, boxes, Widgets.label(texts.t(captions[g]), "uscc-caption"));
            groups.getChildren().add(group);
        }
        groups.getStyleClass().add("uscc-code");
        groups.setId("uscc-code");

        message = Widgets.label("", "field-message");
        message.setId("uscc-message");

        keyboard = new OnScreenKeyboard(texts, OnScreenKeyboard.Layout.USCC);
        keyboard.target(code, LENGTH);

        confirm = Widgets.button(texts.t("uscc.confirm"), "primary", "uscc-confirm", this::confirm);
        Button back = Widgets.button(texts.t("uscc.back"), "secondary", "uscc-back", onBack);

        VBox card = new VBox(18,
                Widgets.label(texts.t("uscc.title"), "screen-title"),
                Widgets.label(texts.t("uscc.prompt"), "screen-sub"),
                groups, message);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("card");

        VBox page = new VBox(20, card, keyboard, Widgets.vgrow(), Widgets.row(24, Pos.CENTER_RIGHT, back, Widgets.hgrow(), confirm));
        page.setAlignment(Pos.TOP_CENTER);
        page.setMaxWidth(1240);
        getChildren().setAll(page);
        refresh();
    }

    private void confirm() {
        String c = code.get();
        if (UnifiedSocialCreditCode.isValid(c)) {
            events.accept(new SessionEvent.ChooseOrganization(c));
        }
    }

    /** Shows what is typed and what, if anything, is wrong with it. */
    private void refresh() {
        String c = Objects.requireNonNullElse(code.get(), "");
        Optional<String> charProblem = Optional.empty();
        for (int i = 0; i < cells.size(); i++) {
            Label cell = cells.get(i);
            cell.getStyleClass().removeAll("filled", "bad", "good", "next");
            if (i < c.length()) {
                char ch = c.charAt(i);
                cell.setText(String.valueOf(ch));
                cell.getStyleClass().add("filled");
                Optional<String> p = characterProblem(i, ch);
                if (p.isPresent()) {
                    cell.getStyleClass().add("bad");
                    if (charProblem.isEmpty()) {
                        charProblem = p;
                    }
                }
            } else {
                cell.setText("");
                if (i == c.length()) {
                    cell.getStyleClass().add("next");
                }
            }
        }
        boolean valid = false;
        String text;
        String tone;
        if (charProblem.isPresent()) {
            text = charProblem.get();
            tone = "error";
        } else if (c.isEmpty()) {
            text = texts.t("uscc.hint");
            tone = "hint";
        } else if (c.length() < LENGTH) {
            text = texts.t("uscc.remaining", c.length(), LENGTH - c.length());
            tone = "hint";
        } else {
            Optional<UnifiedSocialCreditCode.Problem> p = UnifiedSocialCreditCode.problem(c);
            if (p.isEmpty()) {
                valid = true;
                text = texts.t("uscc.valid");
                tone = "ok";
                cells.forEach(cell -> cell.getStyleClass().add("good"));
            } else {
                text = texts.t("uscc.problem." + p.get().name());
                tone = "error";
                markProblem(p.get());
            }
        }
        message.setText(text);
        message.getStyleClass().removeAll("error", "hint", "ok");
        message.getStyleClass().add(tone);
        confirm.setDisable(!valid);
    }

    private void markProblem(UnifiedSocialCreditCode.Problem p) {
        int from;
        int to;
        if (p == UnifiedSocialCreditCode.Problem.ORGANISATION_CODE_CHECK) {
            from = 8;
            to = 17;
        } else if (p == UnifiedSocialCreditCode.Problem.CHECK_CHARACTER) {
            from = 17;
            to = 18;
        } else {
            from = 0;
            to = Math.min(LENGTH, cells.size());
        }
        for (int i = from; i < to; i++) {
            cells.get(i).getStyleClass().add("bad");
        }
    }

    /** Position-wise rules the keyboard cannot rule out alone (a code may also arrive by other means). */
    private Optional<String> characterProblem(int index, char ch) {
        boolean digit = ch >= '0' && ch <= '9';
        boolean letter = ch >= 'A' && ch <= 'Z' && OnScreenKeyboard.USCC_EXCLUDED_LETTERS.indexOf(ch) < 0;
        if (!digit && !letter && index < LENGTH - 1) {
            return Optional.of(texts.t("uscc.problem.CHARACTER.at", index + 1, String.valueOf(ch)));
        }
        if (!digit && index >= 2 && index < 8) {
            return Optional.of(texts.t("uscc.problem.AREA_CODE.at", index + 1));
        }
        return Optional.empty();
    }

    /** The keyboard, for tests. */
    OnScreenKeyboard keyboard() {
        return keyboard;
    }
}
