package org.creditkiosk.ui;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.creditkiosk.config.HallContent;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.api.Representation;
import org.creditkiosk.platform.api.ReportVerification;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;

/**
 * The kiosk's whole screen: a header (hall, clock, language), the body for the session's state, a footer. It
 * renders {@link SessionView}s and turns touches into {@link SessionEvent}s; it never calls a device or the
 * platform. Each render builds the body anew from the view, so when a visit ends no node keeps the citizen's data.
 */
public final class KioskView extends StackPane {

    private final Texts texts;
    /** Where touches go: nowhere while the kiosk is still being assembled ({@link #attach}), then the session. */
    private volatile Consumer<SessionEvent> sink;
    private final Consumer<SessionEvent> events = e -> sink.accept(e);
    /** Shown before the kiosk is assembled: the attract screen says it is getting ready and offers nothing yet. */
    private boolean starting;
    private final NoticeTexts notices;
    private final KioskIdentity identity;
    private final BorderPane frame = new BorderPane();
    private final StackPane body = new StackPane();
    private final Label clock = new Label();
    private final Label hall = new Label();
    private final Label hallSub = new Label();
    private final Button languageButton;
    /** The elderly-friendly switch (适老化): large, in the header of every citizen screen. */
    private final Button elderlyButton;
    /** In the elderly mode the record opens one section at a time: which one (kept across re-renders). */
    private Optional<String> openRecordSection = Optional.empty();
    private Optional<org.creditkiosk.ui.voice.VoicePrompts> voice = Optional.empty();
    private final Label footerLeft = new Label();
    private final Label footerRight = new Label();
    private final HBox footer;
    private final StackPane logo;
    private Optional<MaintenanceTools> maintenance = Optional.empty();
    private SessionView current;
    private long lastActivityNanos;
    private Optional<PublicLists> publicLists;
    private Duration listSearchIdle = Duration.seconds(90);
    /** Screens opened within one state, kept across re-renders (language switch) with what was typed. */
    private UsccEntryScreen usccEntry;
    private ListSearchScreen listSearch;
    /** The maintenance screen stays while staff use it (its result line and refresh survive new session views). */
    private Node maintenanceScreen;
    private Language maintenanceLanguage;
    private ObjectionForm objectionForm;
    // issue 15: the pad and the complaint form keep what was drawn or typed across re-renders of their state
    private final CommitmentScreens commitments;
    private SignaturePad signaturePad;
    private ComplaintForm complaintForm;
    /** Issue 12: the hall's content (slides, announcement, hours); the running slide show. */
    private HallDisplay hallDisplay = HallDisplay.NONE;
    private Timeline slideShow;
    private int slideIndex;

    public KioskView(Texts texts, NoticeTexts notices, KioskIdentity identity, Consumer<SessionEvent> events) {
        this(texts, notices, identity, events, Optional.empty());
    }

    /**
     * The screen of a kiosk that is still being put together (start-up, issue 11): the attract screen, saying the
     * kiosk is getting ready, drawn before devices and the platform are opened. Touches go nowhere until
     * {@link #attach}; then the session's views replace it.
     */
    public static KioskView starting(Texts texts, NoticeTexts notices, KioskIdentity identity) {
        KioskView v = new KioskView(texts, notices, identity, e -> { }, Optional.empty());
        v.starting = true;
        v.render(new SessionView(SessionState.ATTRACT, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), java.util.Set.of()));
        return v;
    }

    /** Connects a {@link #starting} view to the assembled kiosk (FX thread); its session's views follow. */
    public void attach(Consumer<SessionEvent> events, Optional<PublicLists> publicLists) {
        this.sink = Objects.requireNonNull(events);
        this.publicLists = Objects.requireNonNull(publicLists);
        this.starting = false;
    }

    Texts texts() {
        return texts;
    }

    KioskIdentity identity() {
        return identity;
    }

    /**
     * @param publicLists the public red/black list search offered on the attract screen (no session needed);
     *                    empty hides the button
     */
    public KioskView(Texts texts, NoticeTexts notices, KioskIdentity identity, Consumer<SessionEvent> events,
            Optional<PublicLists> publicLists) {
        this.publicLists = Objects.requireNonNull(publicLists);
        this.texts = Objects.requireNonNull(texts);
        this.notices = Objects.requireNonNull(notices);
        this.identity = Objects.requireNonNull(identity);
        this.sink = Objects.requireNonNull(events);
        this.commitments = new CommitmentScreens(texts, notices, this.events); // follows attach()
        getStyleClass().add("kiosk");
        getStylesheets().add(Objects.requireNonNull(KioskView.class.getResource("kiosk.css")).toExternalForm());

        languageButton = Widgets.button("", "lang-button", "language", this::toggleLanguage);
        elderlyButton = Widgets.button("", "elderly-button", "elderly-switch", () -> {
            if (current != null) {
                this.events.accept(new SessionEvent.SetElderlyMode(!current.elderly()));
            }
        });
        logo = Widgets.roundMark("信", 64, Color.web("#c62828"), Color.WHITE);
        logo.setId("logo");
        HBox header = new HBox(logo,
                new VBox(2, hall, hallSub), Widgets.hgrow(), clock, elderlyButton, languageButton);
        header.getStyleClass().add("header");
        hall.getStyleClass().add("hall");
        hallSub.getStyleClass().add("hall-sub");
        clock.getStyleClass().add("clock");
        clock.setId("clock");

        footer = new HBox(footerLeft, Widgets.hgrow(), footerRight);
        footer.getStyleClass().add("footer");

        body.getStyleClass().add("body");
        frame.setTop(header);
        frame.setCenter(body);
        frame.setBottom(footer);
        getChildren().add(frame);

        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> updateClock()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        updateClock();

        // Any touch or key is activity: it postpones the idle timeout (at most one event a second).
        addEventFilter(MouseEvent.MOUSE_PRESSED, this::activity);
        addEventFilter(TouchEvent.TOUCH_PRESSED, this::activity);
        addEventFilter(KeyEvent.KEY_PRESSED, this::activity);
    }

    private void activity(InputEvent e) {
        long now = System.nanoTime();
        if (now - lastActivityNanos > 1_000_000_000L) {
            lastActivityNanos = now;
            events.accept(new SessionEvent.UserActivity());
        }
    }

    private void updateClock() {
        clock.setText(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd  HH:mm")));
    }

    /** Speaks the prompt of each step with {@code voice} (elderly mode, or always if so configured). */
    public void voice(org.creditkiosk.ui.voice.VoicePrompts voice) {
        this.voice = Optional.of(voice);
    }

    private void speak(SessionView previous, SessionView view) {
        if (voice.isEmpty()) {
            return;
        }
        org.creditkiosk.ui.voice.VoicePrompts v = voice.get();
        if (view.state() == SessionState.MAINTENANCE || view.state() == SessionState.OUT_OF_SERVICE) {
            v.stop(); // silent in maintenance and out of service
            return;
        }
        String lang = texts.language() == Language.ZH ? "zh" : "en";
        if (view.elderly() && (previous == null || !previous.elderly())) {
            v.say(org.creditkiosk.ui.voice.VoicePrompt.ELDERLY_ON, lang, true);
        } else if (previous == null || previous.state() != view.state()) {
            org.creditkiosk.ui.voice.VoicePrompts.forScreen(view.state().name(), view.cardVisit(), view.reportNo().isPresent())
                    .ifPresent(p -> v.say(p, lang, view.elderly()));
        } else if (previous.elderly() && !view.elderly()) {
            v.stop();
        }
    }

    /** How long the list search stays open without a touch (default 90 s). */
    public void listSearchIdle(Duration idle) {
        this.listSearchIdle = Objects.requireNonNull(idle);
    }

    private void toggleLanguage() {
        texts.language(texts.language().other());
        if (current != null) {
            render(current);
        }
    }

    /** Shows a view; call on the FX thread ({@link #show} hops there). */
    public void render(SessionView view) {
        if (current != null && !current.state().inSession() && view.state() == SessionState.ATTRACT
                && current.state() != SessionState.ATTRACT) {
            // Every visit starts in the kiosk's default language.
            texts.language(identity.defaultLanguage());
        }
        // A switch of the elderly mode keeps the screens opened within the state (and what was typed in them).
        boolean sameView = current != null && view.withElderly(false).equals(current.withElderly(false));
        if (slideShow != null) {
            slideShow.stop();
            slideShow = null;
        }
        closeScreensFor(view, sameView);
        if (current != null && current.state().inSession() && !view.state().inSession()) {
            TextLayoutCache.forget(); // the visit's texts leave the screen: not the heap's text cache either
        }
        SessionView previous = current;
        current = view;
        speak(previous, view);
        hall.setText(texts.language() == Language.ZH ? identity.hallName() : identity.hallNameEn());
        hallSub.setText(texts.t("app.title"));
        languageButton.setText(texts.t("lang.switch"));
        boolean citizenScreen = view.state() != SessionState.MAINTENANCE && view.state() != SessionState.OUT_OF_SERVICE;
        elderlyButton.setVisible(citizenScreen && !starting); // nothing to switch before the kiosk is ready
        elderlyButton.setManaged(citizenScreen && !starting);
        elderlyButton.setText(texts.t(view.elderly() ? "elderly.off" : "elderly.on"));
        elderlyButton.getStyleClass().remove("on");
        if (view.elderly()) {
            elderlyButton.getStyleClass().add("on");
        }
        getStyleClass().remove("elderly");
        if (view.elderly()) {
            getStyleClass().add("elderly");
        }
        if (view.record().isEmpty() || !view.elderly()) {
            openRecordSection = Optional.empty();
        }
        footerLeft.setText(texts.t("attract.privacy"));
        footerRight.setText(identity.kioskId());
        Node screen = switch (view.state()) {
            case ATTRACT -> listSearch != null ? listSearch : attract(view);
            case AUTHENTICATING -> busy("busy.authenticating");
            case CHOOSING_SUBJECT -> usccEntry != null ? usccEntry : choice(view);
            case LOADING_RECORD -> busy("busy.loading");
            case SHOWING_RECORD -> new RecordScreen(texts, notices, view, events, openRecordSection, key -> {
                openRecordSection = key;
                render(current);
            }).build();
            case OBJECTING -> objecting(view, sameView);
            case CONFIRMING_PRINT -> confirmPrint(view);
            case PRINTING -> busy("busy.printing");
            case FAREWELL -> farewell(view);
            case VERIFYING -> busy("busy.verifying");
            case SHOWING_VERIFICATION -> verification(view);
            case NOTICE -> notice(view);
            case OUT_OF_SERVICE -> listSearch != null ? listSearch : outOfService(view);
            case MAINTENANCE -> maintenanceScreen();
            // issue 15
            case CHOOSING_COMMITMENT -> commitments.choose(view);
            case READING_COMMITMENT -> commitments.read(view);
            case SIGNING_COMMITMENT -> commitments.sign(view, signaturePad());
            case CONFIRMING_COMMITMENT -> commitments.confirm(view);
            case PRINTING_COMMITMENT -> busy("commit.busy");
            case COMMITMENT_DONE -> commitments.done(view);
            case COMPLAINING -> complaining(view, sameView);
            case COMPLAINT_FILED -> complaintTicket(view);
        };
        if (screen != listSearch && screen != usccEntry) {
            screen.setId("screen-" + view.state().name().toLowerCase());
        }
        if (body.getChildren().size() != 1 || body.getChildren().get(0) != screen) {
            body.getChildren().setAll(screen); // a kept screen (maintenance, list search) stays where it is
        }
    }

    /**
     * Lets hall staff in: holding the logo for {@code hold} brings up a PIN pad; the right PIN enters maintenance
     * (the session ends any visit first). Without a configured PIN nothing happens.
     */
    public void enableMaintenance(MaintenanceTools tools, java.time.Duration hold) {
        maintenance = Optional.of(tools);
        javafx.animation.PauseTransition press = new javafx.animation.PauseTransition(Duration.millis(hold.toMillis()));
        press.setOnFinished(e -> {
            if (tools.access().configured()) {
                showPinPad(tools);
            }
        });
        logo.setOnMousePressed(e -> press.playFromStart());
        logo.setOnMouseReleased(e -> press.stop());
        logo.setOnMouseExited(e -> press.stop());
    }

    private void showPinPad(MaintenanceTools tools) {
        javafx.beans.property.SimpleStringProperty pin = new javafx.beans.property.SimpleStringProperty("");
        OnScreenKeyboard pad = new OnScreenKeyboard(texts, OnScreenKeyboard.Layout.PHONE);
        pad.target(pin, 12);
        Label dots = Widgets.label("", "screen-title");
        dots.setId("pin-dots");
        pin.addListener((o, a, b) -> dots.setText("●".repeat(b.length())));
        Label message = Widgets.label(texts.t("maintenance.pinPrompt"), "screen-sub");
        message.setId("pin-message");
        StackPane overlay = new StackPane();
        Runnable close = () -> getChildren().remove(overlay);
        VBox box = new VBox(18, Widgets.label(texts.t("maintenance.title"), "screen-title"), message, dots, pad,
                Widgets.row(24, Pos.CENTER,
                        Widgets.button(texts.t("print.cancel"), "secondary", "pin-cancel", close),
                        Widgets.button(texts.t("maintenance.enter"), "primary", "pin-ok", () -> {
                            MaintenanceAccessResult r = MaintenanceAccessResult.of(tools.access().check(pin.get()));
                            pin.set("");
                            if (r == MaintenanceAccessResult.GRANTED) {
                                close.run();
                                events.accept(new SessionEvent.EnterMaintenance());
                            } else {
                                message.setText(texts.t("maintenance.pin." + r.name()));
                            }
                        })));
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("card");
        box.setMaxSize(720, Region.USE_PREF_SIZE);
        overlay.getChildren().add(box);
        overlay.setStyle("-fx-background-color: rgba(10,20,40,0.55);");
        overlay.setId("pin-pad");
        // Nobody at the pad: it closes by itself.
        javafx.animation.PauseTransition idle = new javafx.animation.PauseTransition(Duration.seconds(30));
        idle.setOnFinished(e -> close.run());
        overlay.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> idle.playFromStart());
        idle.play();
        getChildren().add(overlay);
    }

    /** The PIN check's answers, as the screen words them. */
    private enum MaintenanceAccessResult {
        GRANTED, WRONG, LOCKED, NOT_CONFIGURED;

        static MaintenanceAccessResult of(org.creditkiosk.ops.MaintenanceAccess.Result r) {
            return valueOf(r.name());
        }
    }

    /** Demo mode only: shows the demo controls in a strip above the footer, where they cover no button. */
    public void setDemoPanel(Node panel) {
        frame.setBottom(new VBox(panel, footer));
    }

    /** Thread-safe entry for the controller's listener. */
    public void show(SessionView view) {
        if (Platform.isFxApplicationThread()) {
            render(view);
        } else {
            Platform.runLater(() -> render(view));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Drops the screens that do not belong to the new view; the kept ones relabel (language switch). */
    private Node maintenanceScreen() {
        if (maintenanceScreen == null || maintenanceLanguage != texts.language()) {
            maintenanceLanguage = texts.language();
            maintenanceScreen = maintenance.map(m -> new MaintenanceScreen(texts, m, events).build())
                    .orElseGet(() -> message(texts.t("maintenance.title"), texts.t("maintenance.body"), "⚙"));
        }
        return maintenanceScreen;
    }

    private void closeScreensFor(SessionView view, boolean sameView) {
        if (view.state() != SessionState.MAINTENANCE) {
            maintenanceScreen = null;
        }
        if (usccEntry != null) {
            if (sameView && view.state() == SessionState.CHOOSING_SUBJECT) {
                usccEntry.rebuild();
            } else {
                usccEntry = null;
            }
        }
        if (listSearch != null) {
            if ((view.state() == SessionState.ATTRACT && view.outOfServiceReason().isEmpty()) || closedWithLists(view)) {
                if (sameView) {
                    listSearch.rebuild();
                }
            } else {
                listSearch.dispose();
                listSearch = null;
            }
        }
        if (view.state() != SessionState.SIGNING_COMMITMENT || !sameView && view.notice().isPresent()) {
            // A new state, or a refused signature: the pad starts empty.
            signaturePad = null;
        }
        if (view.state() != SessionState.COMPLAINING) {
            complaintForm = null;
        }
        if (objectionForm != null && (view.state() != SessionState.OBJECTING
                || !view.objectionItemId().equals(objectionForm.itemId()))) {
            objectionForm = null;
        }
    }

    private Node objecting(SessionView view, boolean sameView) {
        if (objectionForm == null) {
            objectionForm = new ObjectionForm(texts, notices, view, events);
        } else if (sameView) {
            objectionForm.rebuild();
        } else {
            objectionForm.update(view);
        }
        return objectionForm;
    }

    private SignaturePad signaturePad() {
        if (signaturePad == null) {
            signaturePad = new SignaturePad(900, 360, () -> { });
        }
        return signaturePad;
    }

    private Node complaining(SessionView view, boolean sameView) {
        if (complaintForm == null) {
            complaintForm = new ComplaintForm(texts, notices, view, events, java.time.LocalDate.now());
        } else {
            complaintForm.update(view);
        }
        return complaintForm;
    }

    private Node complaintTicket(SessionView view) {
        VBox v = Widgets.column(22, Pos.CENTER,
                Widgets.roundMark("✓", 130, Color.web("#1b7a3a"), Color.WHITE),
                Widgets.label(texts.t("complaint.ticket.title"), "farewell-title"));
        view.services().complaintTicket().ifPresent(t -> {
            Label no = Widgets.label(texts.t("complaint.ticket.number", t.ticketNo()), "screen-sub");
            no.setId("complaint-ticket-number");
            v.getChildren().add(no);
            t.department().ifPresent(d -> v.getChildren().add(Widgets.label(texts.t("complaint.ticket.department", d), "screen-sub")));
            t.dueOn().ifPresent(d -> v.getChildren().add(Widgets.label(texts.t("complaint.ticket.due", d), "screen-sub")));
        });
        v.getChildren().addAll(Widgets.label(texts.t("complaint.ticket.take"), "muted"), Widgets.row(24, Pos.CENTER,
                Widgets.button(texts.t("commit.done.back"), "secondary", "complaint-back-record",
                        () -> events.accept(new SessionEvent.BackToRecord())),
                Widgets.button(texts.t("record.finish"), "primary", "finish", () -> events.accept(new SessionEvent.Finish()))));
        v.getStyleClass().add("content");
        return v;
    }

    private void openListSearch() {
        publicLists.ifPresent(lists -> {
            // The elderly mode's longer time applies to the list search too.
            Duration idle = current != null && current.elderly()
                    ? listSearchIdle.multiply(org.creditkiosk.session.Session.ELDERLY_TIMEOUT_FACTOR) : listSearchIdle;
            listSearch = new ListSearchScreen(texts, notices, lists, idle, () -> {
                listSearch = null;
                if (current != null) {
                    render(current);
                }
            });
            render(current);
        });
    }

    private void openUsccEntry() {
        usccEntry = new UsccEntryScreen(texts, events, () -> {
            usccEntry = null;
            if (current != null) {
                render(current);
            }
        });
        render(current);
    }

    private Node attract(SessionView view) {
        Label title = Widgets.label(texts.t("app.title"), "attract-title");
        Label sub = Widgets.label(texts.t("app.subtitle"), "attract-sub");

        VBox services = new VBox(18, Widgets.label(texts.t("attract.services"), "section-title"));
        // The elderly mode shows fewer items: the two main services only.
        String[] offered = view.elderly() ? new String[] {"query", "print"}
                : new String[] {"query", "print", "verify", "objection", "commitment", "complaint", "lists"};
        for (String k : offered) {
            Circle dot = new Circle(7);
            dot.getStyleClass().add("service-dot");
            HBox item = new HBox(dot, Widgets.label(texts.t("attract.service." + k), "service-item"));
            item.getStyleClass().add("service-item");
            services.getChildren().add(item);
        }
        services.getStyleClass().add("card");
        services.setMaxWidth(620);
        if (publicLists.isPresent() && view.outOfServiceReason().isEmpty()) {
            Button lists = Widgets.button(texts.t("attract.listsButton"), "secondary", "open-list-search", this::openListSearch);
            lists.getStyleClass().add("lists-button");
            lists.setMaxWidth(Double.MAX_VALUE);
            services.getChildren().addAll(Widgets.vgrow(), lists);
        }

        VBox pad = new VBox(28, cardIllustration(),
                Widgets.label(texts.t("attract.prompt"), "attract-prompt"),
                Widgets.label(texts.t("attract.promptApp"), "attract-prompt-2"),
                Widgets.label(texts.t("attract.keepCard"), "attract-hint"));
        pad.getStyleClass().add("reader-pad");
        pad.setAlignment(Pos.CENTER);
        pad.setId("reader-pad");
        HBox.setHgrow(pad, Priority.ALWAYS);

        List<HallContent.Slide> slides = hallDisplay.showable();
        Node beside = services;
        if (!slides.isEmpty()) {
            VBox show = new VBox(16, slideShow(slides));
            if (publicLists.isPresent() && view.outOfServiceReason().isEmpty()) {
                Button lists = Widgets.button(texts.t("attract.listsButton"), "secondary", "open-list-search", this::openListSearch);
                lists.getStyleClass().add("lists-button");
                lists.setMaxWidth(Double.MAX_VALUE);
                show.getChildren().add(lists);
            }
            show.setMaxWidth(740);
            beside = show;
        }
        HBox main = new HBox(40, pad, beside);
        main.setAlignment(Pos.CENTER);
        VBox.setVgrow(main, Priority.ALWAYS);

        boolean announced = hallDisplay.announcementNow().isPresent();
        // An announcement takes a line of the screen: the subtitle and some air give it room, so that the header and
        // the footer stay whole at 1920x1080 with the demo strip.
        VBox screen = new VBox(announced ? 14 : 26, announced ? Widgets.column(8, Pos.CENTER, title)
                : Widgets.column(8, Pos.CENTER, title, sub), main);
        if (announced) {
            pad.setSpacing(18);
        }
        hallDisplay.announcementNow().ifPresent(a -> {
            String text = texts.language() == Language.ZH || a.en().isBlank() ? a.zh() : a.en();
            HBox banner = new HBox(14, Widgets.label(texts.t("hall.announcement"), "announcement-tag"),
                    Widgets.label(text, "announcement-text"));
            banner.getStyleClass().add("announcement");
            banner.setAlignment(Pos.CENTER_LEFT);
            banner.setId("announcement");
            screen.getChildren().add(1, banner);
        });
        screen.setAlignment(Pos.TOP_CENTER);
        screen.getStyleClass().add("content");
        view.outOfServiceReason().ifPresent(r -> screen.getChildren().add(1, warning(notices.body(r, texts.language()))));
        if (starting) {
            Node ready = warning(texts.t("attract.starting"));
            ready.setId("starting-banner");
            screen.getChildren().add(1, ready);
        }
        if (view.unavailableDevices().contains(DeviceKind.ID_CARD_READER)) {
            screen.getChildren().add(1, warning(notices.body(new Notice.DeviceUnavailable(DeviceKind.ID_CARD_READER),
                    texts.language())));
        }
        return screen;
    }

    /** An ID card lying on a reader, drawn with shapes (no bitmap to scale badly). */
    private Node cardIllustration() {
        Rectangle card = new Rectangle(250, 156, Color.web("#f4f8ff"));
        card.setArcWidth(18);
        card.setArcHeight(18);
        card.setStroke(Color.web("#6f93c9"));
        card.setStrokeWidth(3);
        Rectangle photo = new Rectangle(56, 70, Color.web("#c9d8ef"));
        photo.setArcWidth(8);
        photo.setArcHeight(8);
        VBox lines = new VBox(10);
        lines.setAlignment(Pos.CENTER_LEFT);
        for (int w : new int[] {120, 140, 100, 130}) {
            Rectangle l = new Rectangle(w, 9, Color.web("#b4c6e3"));
            l.setArcWidth(9);
            l.setArcHeight(9);
            lines.getChildren().add(l);
        }
        HBox face = new HBox(18, lines, photo);
        face.setAlignment(Pos.CENTER);
        face.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane cardPane = new StackPane(card, face);
        cardPane.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Rectangle reader = new Rectangle(300, 46, Color.web("#274b82"));
        reader.setArcWidth(20);
        reader.setArcHeight(20);
        VBox v = new VBox(6, cardPane, reader);
        v.setAlignment(Pos.CENTER);
        return v;
    }

    private Node busy(String key) {
        ProgressIndicator p = new ProgressIndicator();
        p.setMinSize(140, 140);
        p.setPrefSize(140, 140);
        VBox v = Widgets.column(36, Pos.CENTER, p, Widgets.label(texts.t(key), "busy-text"));
        if (current != null && current.cardVisit() && !"busy.authenticating".equals(key)) {
            v.getChildren().add(Widgets.label(texts.t("busy.keepCard"), "attract-hint"));
        }
        v.getStyleClass().add("content");
        return v;
    }

    private Node choice(SessionView view) {
        VBox list = new VBox(20);
        list.setMaxWidth(1100);
        String name = view.person().map(p -> p.name()).orElse("");
        list.getChildren().add(Widgets.label(texts.t("choice.greeting", name), "screen-title"));
        list.getChildren().add(Widgets.label(texts.t("choice.prompt"), "screen-sub"));
        view.notice().ifPresent(n -> list.getChildren().add(warning(notices.body(n, texts.language()))));
        list.getChildren().add(choiceButton("choice-own", texts.t("choice.own"),
                texts.t("choice.ownHint") + "  ·  " + view.person().map(p -> p.idNumberMasked()).orElse(""),
                () -> events.accept(new SessionEvent.ChooseOwnRecord())));
        int i = 0;
        for (Representation r : view.represents()) {
            list.getChildren().add(choiceButton("choice-org-" + i++, r.name(),
                    texts.t("record.kind." + r.kind().name()) + "  ·  " + r.uscc() + "  ·  "
                            + texts.t("choice.role." + r.role().name()),
                    () -> events.accept(new SessionEvent.ChooseOrganization(r.uscc()))));
        }
        list.getChildren().add(choiceButton("choice-enter-uscc", texts.t("choice.enterUscc"), texts.t("choice.enterUsccHint"),
                this::openUsccEntry));
        HBox actions = Widgets.row(24, Pos.CENTER_RIGHT,
                Widgets.button(texts.t("record.finish"), "quiet", "finish", () -> events.accept(new SessionEvent.Finish())));
        list.getChildren().addAll(Widgets.vgrow(), actions);
        StackPane wrap = new StackPane(list);
        wrap.getStyleClass().add("content");
        StackPane.setAlignment(list, Pos.TOP_CENTER);
        return wrap;
    }

    private Button choiceButton(String id, String title, String detail, Runnable action) {
        Label name = Widgets.label(title, "choice-name");
        Label more = Widgets.label(detail, "choice-detail");
        // One line each: wrapped labels inside a button graphic report a pref height for a tiny width.
        name.setWrapText(false);
        more.setWrapText(false);
        VBox text = new VBox(6, name, more);
        Label arrow = Widgets.label("›", "choice-name");
        HBox g = new HBox(24, text, Widgets.hgrow(), arrow);
        g.setAlignment(Pos.CENTER_LEFT);
        Button b = new Button();
        b.setGraphic(g);
        b.getStyleClass().add("choice-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMaxHeight(Region.USE_PREF_SIZE);
        g.prefWidthProperty().bind(b.widthProperty().subtract(70));
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node confirmPrint(SessionView view) {
        String subject = view.record().map(r -> r.subject().name()).orElse("");
        VBox card = new VBox(26,
                Widgets.label(texts.t("print.title"), "screen-title"),
                Widgets.label(texts.t("print.question", subject), "screen-sub"),
                Widgets.label(texts.t("print.note"), "muted"),
                Widgets.row(24, Pos.CENTER_RIGHT,
                        Widgets.button(texts.t("print.cancel"), "secondary", "print-cancel",
                                () -> events.accept(new SessionEvent.BackToRecord())),
                        Widgets.button(texts.t("print.confirm"), "primary", "print-confirm",
                                () -> events.accept(new SessionEvent.ConfirmPrint()))));
        card.getStyleClass().add("card");
        card.setMaxWidth(1000);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane p = new StackPane(card);
        p.getStyleClass().add("content");
        return p;
    }

    private Node farewell(SessionView view) {
        VBox v = Widgets.column(26, Pos.CENTER,
                Widgets.roundMark("✓", 150, Color.web("#1b7a3a"), Color.WHITE),
                Widgets.label(texts.t("farewell.title"), "farewell-title"));
        // Only a card visit speaks of the card: an app-code or verification visit has none to take.
        if (view.cardVisit()) {
            Label take = Widgets.label(texts.t("farewell.takeCard"), "screen-sub");
            take.setId("farewell-take-card");
            v.getChildren().add(take);
        }
        view.reportNo().ifPresent(no -> {
            Label take = Widgets.label(texts.t("farewell.takeReport"), "screen-sub");
            take.setId("farewell-take-report");
            Label number = Widgets.label(texts.t("farewell.reportNo", no), "muted");
            number.setId("farewell-report-no");
            v.getChildren().addAll(take, number);
        });
        v.getChildren().addAll(Widgets.label(texts.t("farewell.cleared"), "muted"),
                Widgets.button(texts.t("notice.ok"), "secondary", "finish-farewell", () -> events.accept(new SessionEvent.Finish())));
        v.getStyleClass().add("content");
        return v;
    }

    private Node notice(SessionView view) {
        Notice n = view.notice().orElse(new Notice.PlatformError(ErrorCode.INTERNAL));
        VBox v = Widgets.column(28, Pos.CENTER,
                Widgets.roundMark("!", 130, Color.web("#e08a00"), Color.WHITE),
                Widgets.label(notices.title(n, texts.language()), "notice-title"),
                Widgets.label(notices.body(n, texts.language()), "notice-body"),
                Widgets.button(texts.t("notice.ok"), "primary", "notice-ok", () -> events.accept(new SessionEvent.Finish())));
        v.setMaxWidth(1200);
        v.getStyleClass().add("content");
        v.setPadding(new Insets(60, 120, 60, 120));
        StackPane p = new StackPane(v);
        return p;
    }

    private Node verification(SessionView view) {
        ReportVerification v = view.verification().orElseThrow();
        boolean valid = v.status() == ReportVerification.Status.VALID;
        String color = switch (v.status()) {
            case VALID -> "#1b7a3a";
            case EXPIRED -> "#b26a00";
            case REVOKED -> "#b71c1c";
            case UNKNOWN -> "#5b6775";
        };
        boolean commitment = v.effectiveKind() == ReportVerification.Kind.COMMITMENT;
        // issue 15: a commitment's code is checked here too, and named as such
        String k = commitment ? "verify.commitment." : "verify.";
        Label status = Widgets.label(texts.t(k + "status." + v.status().name()), "notice-title");
        status.setStyle("-fx-text-fill: " + color + ";");
        status.setId("verification-status");
        VBox facts = new VBox(12, Widgets.label(texts.t(k + "reportNo", v.reportNo()), "screen-sub"));
        // contract 1.1: a commitment's number is verified here too (issue 15)
        Label kind = Widgets.label(texts.t("verify.kind." + v.effectiveKind().name()), "screen-sub");
        kind.setId("verification-kind");
        facts.getChildren().add(0, kind);
        v.title().ifPresent(t -> facts.getChildren().add(Widgets.label(texts.t("verify.commitmentTitle", t), "screen-sub")));
        v.issuedAt().ifPresent(t -> facts.getChildren().add(Widgets.label(texts.t("verify.issuedAt",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault()).format(t)), "screen-sub")));
        v.subjectNameMasked().ifPresent(n -> facts.getChildren().add(Widgets.label(texts.t("verify.subject", n), "screen-sub")));
        v.pages().ifPresent(p -> facts.getChildren().add(Widgets.label(texts.t("verify.pages", p), "screen-sub")));
        v.sha256().ifPresent(h -> facts.getChildren().add(Widgets.label(texts.t("verify.sha256", h), "muted")));
        facts.setAlignment(Pos.CENTER);
        VBox card = Widgets.column(26, Pos.CENTER,
                Widgets.roundMark(valid ? "✓" : "!", 130, Color.web(color), Color.WHITE),
                Widgets.label(texts.t(k + "title"), "screen-sub"), status, facts,
                Widgets.label(texts.t(k + "explain." + v.status().name()), "notice-body"),
                Widgets.button(texts.t("notice.ok"), "primary", "verification-ok", () -> events.accept(new SessionEvent.Finish())));
        card.getStyleClass().add("content");
        card.setMaxWidth(1300);
        return new StackPane(card);
    }

    // ---- issue 12: hall content ---------------------------------------------------------------------------------

    /** The hall's content for the attract and closed screens; call on the FX thread. */
    public void hallDisplay(HallDisplay display) {
        this.hallDisplay = Objects.requireNonNull(display);
        if (current != null && (current.state() == SessionState.ATTRACT || current.state() == SessionState.OUT_OF_SERVICE)
                && listSearch == null) {
            render(current);
        }
    }

    private boolean closedWithLists(SessionView view) {
        return view.state() == SessionState.OUT_OF_SERVICE && hallDisplay.listSearchWhenClosed()
                && view.outOfServiceReason().filter(r -> r == Notice.OutOfService.HALL_CLOSED).isPresent();
    }

    /** The slides, one at a time with its caption, each for its duration (a timer on the FX thread, no I/O). */
    private Node slideShow(List<HallContent.Slide> slides) {
        javafx.scene.image.ImageView image = new javafx.scene.image.ImageView();
        image.setFitWidth(700);
        image.setFitHeight(394);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        Label caption = Widgets.label("", "slide-caption");
        caption.setWrapText(true);
        caption.setId("slide-caption");
        StackPane frameOfImage = new StackPane(image);
        frameOfImage.getStyleClass().add("slide-frame");
        frameOfImage.setMinSize(700, 394);
        frameOfImage.setMaxSize(700, 394);
        VBox box = new VBox(14, frameOfImage, caption);
        box.getStyleClass().add("card");
        box.setId("slides");
        Runnable show = () -> {
            HallContent.Slide s = slides.get(slideIndex % slides.size());
            hallDisplay.files().apply(s.sha256()).ifPresent(p -> image.setImage(
                    new javafx.scene.image.Image(p.toUri().toString(), 700, 394, true, true, true)));
            caption.setText(texts.language() == Language.ZH ? s.captionZh() : s.captionEn());
            image.setUserData(s.sha256());
        };
        show.run();
        if (slides.size() > 1) {
            slideShow = new Timeline();
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                HallContent.Slide s = slides.get(slideIndex % slides.size());
                slideShow.getKeyFrames().setAll(new KeyFrame(Duration.seconds(s.durationS()), e -> {
                    slideIndex = (slideIndex + 1) % slides.size();
                    show.run();
                    slideShow.stop();
                    next[0].run();
                }));
                slideShow.playFromStart();
            };
            next[0].run();
        }
        return box;
    }

    /** Outside the opening hours: calm, with the week's hours, the service phone and (if configured) the list search. */
    private Node closed(SessionView view) {
        Notice cause = Notice.OutOfService.HALL_CLOSED;
        VBox m = Widgets.column(12, Pos.CENTER,
                Widgets.roundMark("☾", 80, Color.web("#3f5f8a"), Color.WHITE),
                Widgets.label(notices.title(cause, texts.language()), "notice-title"),
                Widgets.label(notices.body(cause, texts.language()), "notice-body"));
        m.getStyleClass().add("content");
        java.time.ZonedDateTime now = hallDisplay.clock().instant().atZone(hallDisplay.zone());
        javafx.scene.layout.GridPane week = new javafx.scene.layout.GridPane();
        week.setHgap(40);
        week.setVgap(4);
        week.getStyleClass().add("card");
        week.setId("opening-hours");
        week.add(Widgets.label(texts.t("closed.hoursTitle"), "section-title"), 0, 0, 2, 1);
        int row = 1;
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            String hours = hallDisplay.hours().days().isEmpty() ? texts.t("closed.allDay") : hallDisplay.hours().of(d);
            Label day = Widgets.label(texts.t("closed.day." + d.name()), "hours-day");
            Label h = Widgets.label(hours.isEmpty() ? texts.t("closed.dayClosed") : hours, "hours-time");
            if (d == now.getDayOfWeek()) {
                day.getStyleClass().add("hours-today");
                h.getStyleClass().add("hours-today");
            }
            week.add(day, 0, row);
            week.add(h, 1, row++);
        }
        week.setMaxWidth(Region.USE_PREF_SIZE);
        m.getChildren().add(week);
        if (hallDisplay.hours().closedDates().contains(now.toLocalDate())) {
            m.getChildren().add(Widgets.label(texts.t("closed.todayClosed"), "screen-sub"));
        }
        m.getChildren().add(Widgets.label(texts.t("closed.cardHint"), "screen-sub"));
        m.getChildren().add(Widgets.label(texts.t("outOfService.phone", identity.servicePhone()), "screen-sub"));
        if (publicLists.isPresent() && hallDisplay.listSearchWhenClosed()) {
            m.getChildren().add(Widgets.button(texts.t("attract.listsButton"), "secondary", "open-list-search", this::openListSearch));
        }
        return m;
    }

    private Node outOfService(SessionView view) {
        if (view.outOfServiceReason().filter(r -> r == Notice.OutOfService.HALL_CLOSED).isPresent()) {
            return closed(view);
        }
        Notice cause = view.outOfServiceReason().orElse(Notice.OutOfService.PLATFORM_DOWN);
        VBox m = message(notices.title(cause, texts.language()), notices.body(cause, texts.language()), "⏸");
        m.getChildren().add(Widgets.label(texts.t("outOfService.phone", identity.servicePhone()), "screen-sub"));
        return m;
    }

    private VBox message(String title, String body, String icon) {
        VBox v = Widgets.column(28, Pos.CENTER,
                Widgets.roundMark(icon, 130, Color.web("#5b6775"), Color.WHITE),
                Widgets.label(title, "notice-title"),
                Widgets.label(body, "notice-body"));
        v.getStyleClass().add("content");
        return v;
    }

    private Node warning(String text) {
        HBox b = new HBox(Widgets.label(text));
        b.getStyleClass().add("banner-warning");
        b.setId("warning-banner");
        return b;
    }

    /** The body's current screen id, for tests. */
    public Optional<String> currentScreenId() {
        return body.getChildren().isEmpty() ? Optional.empty() : Optional.ofNullable(body.getChildren().get(0).getId());
    }
}
