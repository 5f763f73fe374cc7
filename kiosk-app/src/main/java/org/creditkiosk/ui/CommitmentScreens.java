package org.creditkiosk.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionView;
import org.creditkiosk.signature.HandSignature;

/**
 * The screens of a credit commitment (issue 15): the templates that apply, the whole text in large type (signing only
 * after scrolling to its end), the signature pad, the confirmation with the text's hash, and the signed number.
 * Each builds from the {@link SessionView} and sends events only.
 */
final class CommitmentScreens {

    private final Texts texts;
    private final NoticeTexts notices;
    private final Consumer<SessionEvent> events;

    CommitmentScreens(Texts texts, NoticeTexts notices, Consumer<SessionEvent> events) {
        this.texts = Objects.requireNonNull(texts);
        this.notices = Objects.requireNonNull(notices);
        this.events = Objects.requireNonNull(events);
    }

    Node choose(SessionView view) {
        VBox list = new VBox(18);
        list.setMaxWidth(1240);
        String subject = view.record().map(r -> r.subject().name()).orElse("");
        list.getChildren().addAll(Widgets.label(texts.t("commit.choose.title"), "screen-title"),
                Widgets.label(texts.t("commit.choose.prompt", subject), "screen-sub"));
        view.notice().ifPresent(n -> list.getChildren().add(banner(notices.body(n, texts.language()))));
        if (view.services().templates().isEmpty()) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(90, 90);
            list.getChildren().add(Widgets.column(16, Pos.CENTER, p, Widgets.label(texts.t("commit.choose.loading"), "screen-sub")));
        } else if (view.services().templates().get().isEmpty()) {
            list.getChildren().add(Widgets.label(texts.t("commit.choose.none"), "screen-sub"));
        } else {
            VBox items = new VBox(14);
            for (CommitmentTemplate t : view.services().templates().get()) {
                items.getChildren().add(templateButton(t));
            }
            ScrollPane scroll = Widgets.scrollPane(items);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("record-scroll");
            VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
            list.getChildren().add(scroll);
        }
        list.getChildren().add(Widgets.row(24, Pos.CENTER_RIGHT,
                Widgets.button(texts.t("commit.back"), "secondary", "commit-back-record", () -> events.accept(new SessionEvent.BackToRecord())),
                Widgets.hgrow(),
                Widgets.button(texts.t("record.finish"), "quiet", "finish", () -> events.accept(new SessionEvent.Finish()))));
        return page(list);
    }

    private Button templateButton(CommitmentTemplate t) {
        Label kind = Widgets.label(texts.t("commit.kind." + t.kind().name()), "tag-info");
        Label title = Widgets.label(t.title(), "choice-name");
        title.setWrapText(false);
        Label dept = Widgets.label(texts.t("commit.department", t.department())
                + t.matter().map(m -> "  ·  " + texts.t("commit.matter", m)).orElse(""), "choice-detail");
        dept.setWrapText(false);
        VBox text = new VBox(6, Widgets.row(14, Pos.CENTER_LEFT, kind, title), dept);
        HBox g = new HBox(24, text, Widgets.hgrow(), Widgets.label("›", "choice-name"));
        g.setAlignment(Pos.CENTER_LEFT);
        Button b = new Button();
        b.setGraphic(g);
        b.getStyleClass().add("choice-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMaxHeight(Region.USE_PREF_SIZE);
        g.prefWidthProperty().bind(b.widthProperty().subtract(70));
        b.setId("template-" + t.templateId());
        b.setFocusTraversable(false);
        b.setOnAction(e -> events.accept(new SessionEvent.ChooseTemplate(t.templateId())));
        return b;
    }

    Node read(SessionView view) {
        CommitmentTemplate t = view.services().template().orElseThrow();
        VBox text = new VBox(22);
        text.setId("commitment-text");
        Label title = Widgets.label(t.title(), "screen-title");
        text.getChildren().add(title);
        text.getChildren().add(Widgets.label(texts.t("commit.kind." + t.kind().name()) + "  ·  "
                + texts.t("commit.department", t.department()) + t.matter().map(m -> "  ·  " + texts.t("commit.matter", m)).orElse(""),
                "screen-sub"));
        for (String p : t.paragraphs()) {
            Label l = Widgets.label(p);
            // Large type for everyone (older citizens especially): the whole text, verbatim.
            l.setStyle("-fx-font-size: 30px; -fx-line-spacing: 8px;");
            l.getStyleClass().add("commitment-paragraph");
            text.getChildren().add(l);
        }
        ScrollPane scroll = Widgets.scrollPane(text);
        scroll.setId("commitment-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("record-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        boolean read = view.services().textRead();
        Runnable check = () -> {
            double content = text.getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            if (!read && content > 0 && (scroll.getVvalue() >= scroll.getVmax() - 0.01 || content <= viewport + 1)) {
                events.accept(new SessionEvent.TextReadToEnd());
            }
        };
        if (!read) {
            scroll.vvalueProperty().addListener((o, a, b) -> check.run());
            text.heightProperty().addListener((o, a, b) -> Platform.runLater(check));
        }
        Label hint = Widgets.label(texts.t(read ? "commit.read.done" : "commit.read.hint"), read ? "ok" : "hint");
        hint.setId("commitment-read-hint");
        Button sign = Widgets.button(texts.t("commit.read.sign"), "primary", "commit-sign",
                () -> events.accept(new SessionEvent.StartSigning()));
        sign.setDisable(!read);
        VBox box = new VBox(16, scroll);
        view.notice().ifPresent(n -> box.getChildren().add(0, banner(notices.body(n, texts.language()))));
        box.getChildren().add(Widgets.row(24, Pos.CENTER_RIGHT,
                Widgets.button(texts.t("commit.back"), "secondary", "commit-back", () -> events.accept(new SessionEvent.BackInCommitment())),
                hint, Widgets.hgrow(), sign));
        box.setMaxWidth(1400);
        return page(box);
    }

    /** The pad screen around {@code pad} (kept by the view across re-renders of the same state). */
    Node sign(SessionView view, SignaturePad pad) {
        Label more = Widgets.label("", "hint");
        more.setId("signature-hint");
        VBox box = new VBox(20,
                Widgets.label(texts.t("commit.sign.title"), "screen-title"),
                Widgets.label(texts.t("commit.sign.prompt"), "screen-sub"));
        Optional<Node> warning = view.notice().map(n -> banner(notices.body(n, texts.language())));
        warning.ifPresent(box.getChildren()::add);
        Runnable hint = () -> more.setText(pad.ink() >= HandSignature.MIN_INK ? "" : texts.t("commit.sign.more"));
        pad.setOnMouseReleased(e -> {
            hint.run();
            // the warning about the last attempt goes once the citizen has written enough again
            warning.filter(w -> pad.ink() >= HandSignature.MIN_INK).ifPresent(box.getChildren()::remove);
        });
        box.getChildren().addAll(pad, more, Widgets.row(24, Pos.CENTER_RIGHT,
                Widgets.button(texts.t("commit.back"), "secondary", "commit-back", () -> events.accept(new SessionEvent.BackInCommitment())),
                Widgets.button(texts.t("commit.sign.clear"), "secondary", "signature-clear", () -> {
                    pad.clear();
                    hint.run();
                }),
                Widgets.hgrow(),
                Widgets.button(texts.t("commit.sign.done"), "primary", "signature-done",
                        () -> events.accept(new SessionEvent.SubmitSignature(pad.signature())))));
        box.setAlignment(Pos.TOP_CENTER);
        hint.run();
        box.setMaxWidth(1240);
        return page(box);
    }

    Node confirm(SessionView view) {
        CommitmentTemplate t = view.services().template().orElseThrow();
        VBox card = new VBox(22,
                Widgets.label(texts.t("commit.confirm.title"), "screen-title"),
                Widgets.label(texts.t("commit.confirm.question", t.title()), "screen-sub"));
        view.notice().ifPresent(n -> card.getChildren().add(banner(notices.body(n, texts.language()))));
        view.services().signature().ifPresent(s -> {
            javafx.scene.image.ImageView image = new javafx.scene.image.ImageView(
                    new javafx.scene.image.Image(new java.io.ByteArrayInputStream(s.png())));
            image.setFitWidth(500);
            image.setPreserveRatio(true);
            image.setId("signature-preview");
            StackPane frame = new StackPane(image);
            frame.setStyle("-fx-background-color: white; -fx-border-color: #c9d8ef; -fx-border-width: 2;");
            frame.setMaxWidth(Region.USE_PREF_SIZE);
            card.getChildren().add(frame);
        });
        Label hash = Widgets.label(texts.t("commit.confirm.hash", t.textSha256()), "muted");
        hash.setId("commitment-hash");
        card.getChildren().addAll(hash, Widgets.row(24, Pos.CENTER_RIGHT,
                Widgets.button(texts.t("commit.confirm.resign"), "secondary", "commit-resign",
                        () -> events.accept(new SessionEvent.BackInCommitment())),
                Widgets.button(texts.t("commit.confirm.sign"), "primary", "commit-confirm",
                        () -> events.accept(new SessionEvent.ConfirmCommitment()))));
        card.getStyleClass().add("card");
        card.setMaxWidth(1100);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return page(card);
    }

    Node done(SessionView view) {
        boolean printed = view.notice().isEmpty();
        VBox v = Widgets.column(24, Pos.CENTER,
                Widgets.roundMark(printed ? "✓" : "!", 130, Color.web(printed ? "#1b7a3a" : "#e08a00"), Color.WHITE),
                Widgets.label(texts.t("commit.done.title"), "farewell-title"));
        view.services().signed().ifPresent(c -> {
            Label no = Widgets.label(texts.t("commit.done.number", c.commitmentNo()), "screen-sub");
            no.setId("commitment-number");
            v.getChildren().addAll(Widgets.label(c.title(), "screen-sub"), no);
        });
        view.notice().ifPresentOrElse(n -> v.getChildren().add(banner(notices.body(n, texts.language()))),
                () -> v.getChildren().add(Widgets.label(texts.t("commit.done.take"), "screen-sub")));
        javafx.scene.layout.HBox buttons = Widgets.row(24, Pos.CENTER,
                Widgets.button(texts.t("commit.done.back"), "secondary", "commit-done-back", () -> events.accept(new SessionEvent.BackToRecord())),
                Widgets.button(texts.t("record.finish"), view.services().reprintAvailable() ? "secondary" : "primary", "finish",
                        () -> events.accept(new SessionEvent.Finish())));
        if (view.services().reprintAvailable()) {
            // The paper waits at the print desk (paper out, cover open): printed once more when staff fixed it.
            buttons.getChildren().add(Widgets.button(texts.t("commit.done.reprint"), "primary", "commit-reprint",
                    () -> events.accept(new SessionEvent.ReprintCommitment())));
        }
        v.getChildren().add(buttons);
        v.getStyleClass().add("content");
        return v;
    }

    private static Node page(Node inner) {
        BorderPane p = new BorderPane(inner);
        p.getStyleClass().add("content");
        return p;
    }

    static Node banner(String text) {
        HBox b = new HBox(Widgets.label(text));
        b.getStyleClass().add("banner-warning");
        b.setId("warning-banner");
        return b;
    }
}
