package org.creditkiosk.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.api.Benefit;
import org.creditkiosk.platform.api.Commitment;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.JudicialItem;
import org.creditkiosk.platform.api.ListEntry;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.Penalty;
import org.creditkiosk.platform.api.Permit;
import org.creditkiosk.platform.api.Subject;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionView;

/**
 * The record screen: a summary on top (subject, masked number or USCC, score and grade, counts per section), then
 * each section in the order of the report, then the actions. Items that can be disputed carry an objection button.
 */
final class RecordScreen {

    private final Texts texts;
    private final NoticeTexts notices;
    private final SessionView view;
    private final Consumer<SessionEvent> events;
    private final CreditRecord record;
    private final Optional<String> openSection;
    private final Consumer<Optional<String>> onOpen;

    RecordScreen(Texts texts, NoticeTexts notices, SessionView view, Consumer<SessionEvent> events) {
        this(texts, notices, view, events, Optional.empty(), k -> { });
    }

    /**
     * @param openSection in the elderly mode, the one section shown open (the others are a row of buttons)
     * @param onOpen      opens another section (or none) in the elderly mode
     */
    RecordScreen(Texts texts, NoticeTexts notices, SessionView view, Consumer<SessionEvent> events,
            Optional<String> openSection, Consumer<Optional<String>> onOpen) {
        this.texts = texts;
        this.notices = notices;
        this.view = view;
        this.events = events;
        this.record = view.record().orElseThrow();
        this.openSection = openSection;
        this.onOpen = onOpen;
    }

    Node build() {
        VBox page = new VBox(24);
        page.getStyleClass().add("content");
        view.notice().ifPresent(n -> {
            HBox banner = new HBox(Widgets.label(notices.body(n, texts.language())));
            banner.getStyleClass().add("notice-banner");
            banner.setId("record-notice");
            page.getChildren().add(banner);
        });
        page.getChildren().add(summary());
        if (view.elderly()) {
            // Fewer items at once: the summary leads, then one section at a time, opened by its button.
            page.getChildren().add(sectionButtons());
            openSection.ifPresent(k -> sections().stream().filter(n -> ("section-" + k).equals(n.getId()))
                    .forEach(page.getChildren()::add));
        } else {
            page.getChildren().addAll(sections());
        }

        ScrollPane scroll = Widgets.scrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        scroll.setId("record-scroll");

        BorderPane screen = new BorderPane(scroll);
        screen.setBottom(actions());
        return screen;
    }

    private Node summary() {
        Subject s = record.subject();
        Label kind = Widgets.label(texts.t("record.kind." + s.kind().name()), "subject-kind");
        Label name = Widgets.label(s.name(), "subject-name");
        name.setId("subject-name");
        VBox who = new VBox(10, Widgets.row(16, Pos.CENTER_LEFT, name, kind));
        s.idNumberMasked().ifPresent(n -> who.getChildren().add(line("subject-id", texts.t("record.idNumber") + "  " + n)));
        s.uscc().ifPresent(u -> who.getChildren().add(line("subject-uscc", texts.t("record.uscc") + "  " + u)));
        s.legalRepresentative().ifPresent(l -> who.getChildren().add(line(null, texts.t("record.legalRep") + "  " + l)));
        s.registrationStatus().ifPresent(l -> who.getChildren().add(line(null, texts.t("record.status") + "  " + l)));
        record.dataAsOf().ifPresent(d -> who.getChildren().add(line(null, texts.t("record.dataAsOf", d.toString()))));
        HBox.setHgrow(who, Priority.ALWAYS);

        HBox top = new HBox(36, who);
        top.setAlignment(Pos.CENTER_LEFT);
        record.score().ifPresent(sc -> {
            Label value = Widgets.label(Integer.toString(sc.value()), "score-value");
            value.setId("score-value");
            Label grade = Widgets.label(texts.t("record.grade") + " " + sc.grade(), "score-grade");
            grade.setId("score-grade");
            VBox box = new VBox(Widgets.label(sc.name() + " · " + texts.t("record.score"), "score-name"), value, grade);
            sc.asOf().ifPresent(d -> box.getChildren().add(Widgets.label(texts.t("record.scoreAsOf", d.toString()), "score-name")));
            // What the number and the grade mean: the range of the score and the ladder of grades.
            Label range = Widgets.label(texts.t("record.scoreRange", String.valueOf(sc.min()), String.valueOf(sc.max())), "score-name");
            range.setId("score-range");
            Label grades = Widgets.label(texts.t("record.gradesExplained"), "score-explain");
            grades.setId("score-grades");
            grades.setWrapText(true);
            grades.setMaxWidth(300);
            box.getChildren().addAll(range, grades);
            box.getStyleClass().add("score-box");
            box.setMinWidth(240);
            top.getChildren().add(box);
        });

        FlowPane counts = new FlowPane(14, 14);
        counts.getChildren().addAll(
                chip("red", record.redList().size(), "good"),
                chip("black", record.blackList().size(), "alert"),
                chip("judicial", record.judicial().size(), "alert"),
                chip("penalties", record.penalties().size(), "alert"),
                chip("permits", record.permits().size(), ""),
                chip("commitments", record.commitments().size(), ""),
                chip("benefits", record.benefits().size(), "good"),
                chip("objections", record.openObjections().size(), ""));

        VBox card = new VBox(24, top, counts);
        card.getStyleClass().add("card");
        card.setId("record-summary");
        return card;
    }

    private Label line(String id, String text) {
        Label l = Widgets.label(text, "subject-line");
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    private Node chip(String section, int n, String tone) {
        Label count = Widgets.label(Integer.toString(n), "count");
        VBox c = new VBox(count, Widgets.label(shortName(section), "count-label"));
        c.getStyleClass().add("count-chip");
        if (n > 0 && !tone.isEmpty()) {
            c.getStyleClass().add(tone);
        }
        c.setId("count-" + section);
        return c;
    }

    private String shortName(String section) {
        String full = texts.t("record.section." + section);
        int paren = full.indexOf('（');
        if (paren < 0) {
            paren = full.indexOf(" (");
        }
        return paren > 0 ? full.substring(0, paren) : full;
    }

    private List<Node> sections() {
        List<Node> out = new ArrayList<>();
        out.add(section("red", "good", record.redList().stream().map(this::listEntry).toList()));
        out.add(section("black", "alert", record.blackList().stream().map(this::listEntry).toList()));
        out.add(section("judicial", "alert", record.judicial().stream().map(this::judicial).toList()));
        out.add(section("penalties", "alert", record.penalties().stream().map(this::penalty).toList()));
        out.add(section("permits", "", record.permits().stream().map(this::permit).toList()));
        out.add(section("commitments", "", record.commitments().stream().map(this::commitment).toList()));
        out.add(section("benefits", "good", record.benefits().stream().map(this::benefit).toList()));
        out.add(section("objections", "", record.objections().stream().map(this::objection).toList()));
        return out;
    }

    private static final String[] SECTION_KEYS = {"red", "black", "judicial", "penalties", "permits", "commitments",
            "benefits", "objections"};

    private Node sectionButtons() {
        FlowPane row = new FlowPane(16, 16);
        row.setId("record-section-buttons");
        for (String k : SECTION_KEYS) {
            boolean open = openSection.filter(k::equals).isPresent();
            Button b = Widgets.button(texts.t("record.section." + k), open ? "primary" : "secondary", "open-section-" + k,
                    () -> onOpen.accept(open ? Optional.empty() : Optional.of(k)));
            row.getChildren().add(b);
        }
        VBox card = new VBox(12, Widgets.label(texts.t("elderly.sectionsHint"), "muted"), row);
        card.getStyleClass().add("card");
        return card;
    }

    private Node section(String key, String tone, List<Node> items) {
        Region bar = new Region();
        bar.getStyleClass().add("section-bar");
        if (!tone.isEmpty()) {
            bar.getStyleClass().add(tone);
        }
        bar.setMinHeight(34);
        HBox title = Widgets.row(14, Pos.CENTER_LEFT, bar, Widgets.label(texts.t("record.section." + key), "section-title"),
                Widgets.label(texts.t("record.count", items.size()), "muted"));
        VBox card = new VBox(8, title);
        if (items.isEmpty()) {
            card.getChildren().add(Widgets.label(texts.t("record.none"), "item-none"));
        } else {
            card.getChildren().addAll(items);
        }
        card.getStyleClass().add("card");
        card.setId("section-" + key);
        return card;
    }

    private Node item(String itemId, String title, List<String> lines, List<Label> tags, boolean disputable) {
        HBox head = new HBox(12, Widgets.label(title, "item-title"));
        head.getChildren().addAll(tags);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(4, head);
        for (String l : lines) {
            text.getChildren().add(Widgets.label(l, "item-line"));
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(20, text);
        row.setAlignment(Pos.CENTER_LEFT);
        if (disputable && itemId != null) {
            row.getChildren().add(Widgets.button(texts.t("record.object"), "danger-outline", "object-" + itemId,
                    () -> events.accept(new SessionEvent.StartObjection(itemId))));
        }
        row.getStyleClass().add("item");
        row.setId("item-" + (itemId == null ? "x" : itemId));
        return row;
    }

    private static Label tag(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("tag", style);
        return l;
    }

    private Node listEntry(ListEntry e) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.t("record.authority", e.authority()) + "    " + texts.t("record.listedOn", date(e.listedOn()))
                + e.validUntil().map(d -> "    " + texts.t("record.validUntil", date(d))).orElse(""));
        e.reason().ifPresent(r -> lines.add(texts.t("record.reason", r)));
        if (!e.measures().isEmpty()) {
            lines.add(texts.t("record.measures", String.join("；", e.measures())));
        }
        e.repairGuide().ifPresent(g -> lines.add(texts.t("record.repairGuide", g)));
        if (e.repairable().isPresent() || e.repairGuide().isPresent()) {
            lines.add(texts.t("record.repairWhere", e.authority()));
        }
        List<Label> tags = e.repairable()
                .map(r -> List.of(tag(texts.t("record.repairable." + r), r ? "tag-repaired" : "tag-info")))
                .orElse(List.of());
        return item(e.itemId(), e.listName(), lines, tags, true);
    }

    private Node judicial(JudicialItem j) {
        List<String> lines = List.of(j.court() + "    " + j.caseNo(),
                texts.t("record.filedOn", date(j.filedOn())) + j.status().map(s -> "    " + s).orElse(""));
        return item(j.itemId(), texts.t("record.judicial." + j.kind().name()), lines, List.of(), true);
    }

    private Node penalty(Penalty p) {
        List<String> lines = new ArrayList<>();
        lines.add(p.decisionNo() + "    " + texts.t("record.decidedOn", date(p.decidedOn())));
        lines.add(texts.t("record.authority", p.authority()));
        lines.add(p.result() + p.fineFen().map(f -> "    " + texts.t("record.fine", yuan(f))).orElse(""));
        List<Label> tags = p.isRepaired() ? List.of(tag(texts.t("record.repaired"), "tag-repaired")) : List.of();
        return item(p.itemId(), p.violation(), lines, tags, true);
    }

    private Node permit(Permit p) {
        List<String> lines = List.of(p.decisionNo() + "    " + texts.t("record.decidedOn", date(p.decidedOn()))
                        + p.validUntil().map(d -> "    " + texts.t("record.validUntil", date(d))).orElse(""),
                texts.t("record.authority", p.authority()));
        List<Label> tags = p.status().map(s -> List.of(tag(s, "tag-info"))).orElse(List.of());
        return item(p.itemId(), p.title(), lines, tags, true);
    }

    private Node commitment(Commitment c) {
        List<String> lines = List.of(texts.t("record.madeOn", date(c.madeOn())) + c.authority().map(a -> "    " + a).orElse(""));
        List<Label> tags = c.fulfilled().orElse(false) ? List.of(tag(texts.t("record.fulfilled"), "tag-repaired")) : List.of();
        return item(c.itemId(), c.title(), lines, tags, true);
    }

    private Node benefit(Benefit b) {
        return item(null, b.name(), b.description().map(List::of).orElse(List.of()), List.of(), false);
    }

    private Node objection(ObjectionTicket o) {
        List<String> lines = new ArrayList<>();
        lines.add(o.filedOn().map(d -> texts.t("record.filedOn", date(d))).orElse("")
                + o.dueOn().map(d -> "    " + texts.t("record.dueOn", date(d))).orElse(""));
        return item(null, texts.t("record.ticket", o.ticketNo()), lines,
                List.of(tag(texts.t("record.objection." + o.status().name()), o.status().isOpen() ? "tag-info" : "tag-repaired")),
                false);
    }

    private Node actions() {
        HBox bar = new HBox(24);
        bar.getStyleClass().add("action-bar");
        if (!view.represents().isEmpty()) {
            bar.getChildren().add(Widgets.button(texts.t("record.back"), "secondary", "back-to-choice",
                    () -> events.accept(new SessionEvent.BackToChoice())));
        }
        // issue 15: a commitment for the subject shown, a complaint about someone else
        bar.getChildren().addAll(
                Widgets.button(texts.t("record.commit"), "secondary", "start-commitment",
                        () -> events.accept(new SessionEvent.StartCommitment())),
                Widgets.button(texts.t("record.complain"), "secondary", "start-complaint",
                        () -> events.accept(new SessionEvent.StartComplaint())));
        bar.getChildren().addAll(Widgets.hgrow(),
                Widgets.button(texts.t("record.finish"), "quiet", "finish", () -> events.accept(new SessionEvent.Finish())),
                Widgets.button(texts.t(printerFault() ? "record.reprint" : "record.print"), "primary", "print",
                        () -> events.accept(new SessionEvent.RequestPrint())));
        return bar;
    }

    /** The last print stopped at the printer: the kept report can be printed again once the printer is fixed. */
    private boolean printerFault() {
        return view.notice().map(n -> n instanceof Notice.PrintProblem p && p.reprintable()).orElse(false);
    }

    private static String date(LocalDate d) {
        return d.toString();
    }

    private static String yuan(long fen) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ROOT);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        f.setGroupingUsed(true);
        return f.format(fen / 100.0);
    }

}
