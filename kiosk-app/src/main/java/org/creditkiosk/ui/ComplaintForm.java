package org.creditkiosk.ui;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.creditkiosk.platform.UnifiedSocialCreditCode;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionView;

/**
 * The complaint form (失信投诉, state COMPLAINING, issue 15): whom it is about (an organisation's USCC, checked as in
 * the USCC entry, or a name), a category, a description of at least 10 characters, the date it happened and an
 * optional mobile number. One {@link OnScreenKeyboard} types into the field being edited. What is typed lives in
 * this node only and goes with the screen.
 */
final class ComplaintForm extends VBox {

    enum Field { USCC, NAME, DESCRIPTION, PHONE }

    private final Texts texts;
    private final NoticeTexts notices;
    private final Consumer<SessionEvent> events;
    private final LocalDate today;
    private SessionView view;
    final StringProperty uscc = new SimpleStringProperty("");
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    private boolean byUscc = true;
    private Optional<ComplaintRequest.Category> category = Optional.empty();
    private LocalDate date;
    private Field editing = Field.USCC;
    /** Typing into {@link #editing} with the keyboard, or (false) the overview of all fields with the submit button. */
    private boolean typing = true;
    private Optional<String> error = Optional.empty();
    private final OnScreenKeyboard keyboard;

    ComplaintForm(Texts texts, NoticeTexts notices, SessionView view, Consumer<SessionEvent> events, LocalDate today) {
        this.texts = Objects.requireNonNull(texts);
        this.notices = Objects.requireNonNull(notices);
        this.events = Objects.requireNonNull(events);
        this.view = view;
        this.today = today;
        this.date = today;
        this.keyboard = new OnScreenKeyboard(texts, OnScreenKeyboard.Layout.USCC);
        setId("complaint-form");
        getStyleClass().add("content");
        setSpacing(14);
        setAlignment(Pos.TOP_CENTER);
        for (StringProperty p : new StringProperty[] {uscc, name, description, phone}) {
            p.addListener((o, a, b) -> rebuild());
        }
        edit(Field.USCC);
    }

    void update(SessionView v) {
        this.view = v;
        rebuild();
    }

    private void edit(Field f) {
        editing = f;
        typing = true;
        switch (f) {
            case USCC -> {
                keyboard.keyLayout(OnScreenKeyboard.Layout.USCC);
                keyboard.target(uscc, 18);
            }
            case NAME -> {
                keyboard.keyLayout(OnScreenKeyboard.Layout.TEXT);
                keyboard.target(name, ComplaintRequest.MAX_NAME);
            }
            case DESCRIPTION -> {
                keyboard.keyLayout(OnScreenKeyboard.Layout.TEXT);
                keyboard.target(description, ComplaintRequest.MAX_DESCRIPTION);
            }
            case PHONE -> {
                keyboard.keyLayout(OnScreenKeyboard.Layout.PHONE);
                keyboard.target(phone, 11);
            }
        }
        rebuild();
    }

    void rebuild() {
        keyboard.rebuild();
        VBox fields = new VBox(14);
        fields.getStyleClass().add("card");
        HBox target = Widgets.row(14, Pos.CENTER_LEFT, Widgets.label(texts.t("complaint.target"), "section-title"),
                toggle(texts.t("complaint.target.uscc"), "complaint-by-uscc", byUscc, () -> {
                    byUscc = true;
                    rebuild();
                }),
                toggle(texts.t("complaint.target.name"), "complaint-by-name", !byUscc, () -> {
                    byUscc = false;
                    rebuild();
                }));
        fields.getChildren().add(target);
        if (byUscc) {
            fields.getChildren().add(field(Field.USCC, texts.t("complaint.field.uscc", uscc.get()), "complaint-uscc"));
        } else {
            fields.getChildren().add(field(Field.NAME, texts.t("complaint.field.name", name.get()), "complaint-name"));
        }
        FlowPane categories = new FlowPane(8, 8);
        categories.getChildren().add(Widgets.label(texts.t("complaint.category"), "section-title"));
        for (ComplaintRequest.Category c : ComplaintRequest.Category.values()) {
            categories.getChildren().add(toggle(texts.t("complaint.category." + c.name()), "complaint-category-" + c.name(),
                    category.equals(Optional.of(c)), () -> {
                        category = Optional.of(c);
                        rebuild();
                    }));
        }
        fields.getChildren().add(categories);
        fields.getChildren().add(field(Field.DESCRIPTION, texts.t("complaint.description", description.get()), "complaint-description"));
        Label dateLabel = Widgets.label(texts.t("complaint.date", date), "screen-sub");
        dateLabel.setId("complaint-date");
        Button earlier = Widgets.button(texts.t("complaint.date.earlier"), "secondary", "complaint-date-earlier", () -> {
            date = date.minusDays(1);
            rebuild();
        });
        Button later = Widgets.button(texts.t("complaint.date.later"), "secondary", "complaint-date-later", () -> {
            date = date.plusDays(1);
            rebuild();
        });
        later.setDisable(!date.isBefore(today));
        HBox phoneRow = field(Field.PHONE, texts.t("complaint.phone", phone.get()), "complaint-phone");
        HBox.setHgrow(phoneRow, javafx.scene.layout.Priority.ALWAYS);
        fields.getChildren().add(Widgets.row(14, Pos.CENTER_LEFT, dateLabel, earlier, later, Widgets.hgrow(), phoneRow));
        javafx.scene.control.ScrollPane scroll = Widgets.scrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("record-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);

        Label message = Widgets.label(error.orElse(""), "error");
        message.setId("complaint-error");
        getChildren().setAll(Widgets.row(20, Pos.BASELINE_LEFT, Widgets.label(texts.t("complaint.title"), "section-title"),
                Widgets.label(texts.t("complaint.prompt"), "muted")));
        view.notice().ifPresent(n -> getChildren().add(CommitmentScreens.banner(notices.body(n, texts.language()))));
        if (typing) {
            // One field and the keyboard: the whole screen for typing, then back to the overview.
            String current = switch (editing) {
                case USCC -> texts.t("complaint.field.uscc", uscc.get());
                case NAME -> texts.t("complaint.field.name", name.get());
                case DESCRIPTION -> texts.t("complaint.description", description.get());
                case PHONE -> texts.t("complaint.phone", phone.get());
            };
            Label typed = Widgets.label(current, "screen-sub");
            typed.setId("complaint-typing");
            VBox card = new VBox(10, typed);
            card.getStyleClass().add("card");
            getChildren().addAll(card, keyboard, Widgets.row(24, Pos.CENTER_RIGHT, Widgets.hgrow(),
                    Widgets.button(texts.t("complaint.editDone"), "primary", "complaint-edit-done", () -> {
                        typing = false;
                        rebuild();
                    })));
            return;
        }
        boolean pending = view.services().pending();
        Button submit = Widgets.button(texts.t(pending ? "complaint.sending" : "complaint.submit"), "primary",
                "complaint-submit", this::submit);
        submit.setDisable(pending);
        getChildren().addAll(scroll, message, Widgets.row(24, Pos.CENTER_RIGHT,
                Widgets.button(texts.t("complaint.cancel"), "secondary", "complaint-cancel",
                        () -> events.accept(new SessionEvent.BackToRecord())), Widgets.hgrow(), submit));
    }

    private HBox field(Field f, String text, String id) {
        Label l = Widgets.label(text, "screen-sub");
        l.setId(id);
        l.setMaxWidth(1000);
        Button edit = Widgets.button(texts.t("complaint.edit"), "secondary", id + "-edit", () -> edit(f));
        return Widgets.row(14, Pos.CENTER_LEFT, l, Widgets.hgrow(), edit);
    }

    private static Button toggle(String text, String id, boolean selected, Runnable action) {
        return Widgets.button(text, selected ? "primary" : "secondary", id, action);
    }

    /** Checks what the citizen can fix here, with a clear answer each; the platform checks again. */
    private void submit() {
        error = problem();
        if (error.isPresent()) {
            rebuild();
            return;
        }
        ComplaintRequest.Target target = byUscc ? ComplaintRequest.Target.byUscc(uscc.get())
                : ComplaintRequest.Target.byName(name.get().strip());
        events.accept(new SessionEvent.SubmitComplaint(new ComplaintRequest(target, category.get(), description.get().strip(),
                Optional.of(date), Optional.of(phone.get()).filter(p -> !p.isBlank()))));
    }

    Optional<String> problem() {
        if (byUscc) {
            if (uscc.get().isEmpty()) {
                return Optional.of(texts.t("complaint.error.target"));
            }
            Optional<UnifiedSocialCreditCode.Problem> p = UnifiedSocialCreditCode.problem(uscc.get());
            if (p.isPresent()) {
                return Optional.of(texts.t("uscc.problem." + p.get().name()));
            }
        } else if (name.get().isBlank()) {
            return Optional.of(texts.t("complaint.error.target"));
        }
        if (category.isEmpty()) {
            return Optional.of(texts.t("complaint.error.category"));
        }
        String d = description.get().strip();
        if (d.codePointCount(0, d.length()) < ComplaintRequest.MIN_DESCRIPTION) {
            return Optional.of(texts.t("complaint.error.description"));
        }
        if (!phone.get().isBlank() && !phone.get().matches("1[3-9]\\d{9}")) {
            return Optional.of(texts.t("complaint.error.phone"));
        }
        return Optional.empty();
    }
}
