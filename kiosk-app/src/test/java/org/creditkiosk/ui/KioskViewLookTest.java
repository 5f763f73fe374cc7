package org.creditkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.Person;
import org.creditkiosk.platform.api.Representation;
import org.creditkiosk.platform.api.SubjectKind;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Renders each screen from a fixed view: the screens build without errors and carry what they must show. */
class KioskViewLookTest {

    private static Stage stage;
    private static KioskView view;
    private static final List<SessionEvent> events = new ArrayList<>();

    @BeforeAll
    static void setUp() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            KioskFonts.load();
            view = new KioskView(new Texts(Language.ZH), new KioskNotices(),
                    new KioskIdentity("YL-DEMO-01-K01", "榆林市政务服务中心", "Yulin Government Service Center", "0912-12345", Language.ZH),
                    events::add);
            Scene scene = KioskStage.prepare(s, view, 1920, 1080, true);
            s.show();
        });
    }

    @AfterAll
    static void tearDown() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    private static SessionView view(SessionState state, Optional<CreditRecord> record, List<Representation> reps) {
        return new SessionView(state, record.map(r -> new Person("李晓梅", "610802********0026")), reps, Optional.empty(),
                record, Optional.empty(), state == SessionState.FAREWELL ? Optional.of("YLXY-20261127-0001-000187") : Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), java.util.Set.of(), true, false);
    }

    private static void show(SessionView v, String shot) {
        WaitForAsyncUtils.asyncFx(() -> view.render(v));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), shot);
    }

    @Test
    void everyScreenRenders() throws Exception {
        CreditRecord record = Json.mapper().readValue(
                KioskViewLookTest.class.getResourceAsStream("/records/person-sample.json"), CreditRecord.class);
        show(view(SessionState.ATTRACT, Optional.empty(), List.of()), "01-attract");
        assertThat(view.currentScreenId()).contains("screen-attract");
        show(view(SessionState.AUTHENTICATING, Optional.empty(), List.of()), "02-reading");
        show(view(SessionState.CHOOSING_SUBJECT, Optional.of(record), List.of(
                new Representation("914403001922038216", "榆林市塞上商贸有限公司", SubjectKind.ENTERPRISE, Representation.Role.LEGAL_REPRESENTATIVE),
                new Representation("12100000425006133D", "榆林市青少年科技活动中心", SubjectKind.PUBLIC_INSTITUTION, Representation.Role.AUTHORISED_AGENT))),
                "03-choose");
        show(view(SessionState.LOADING_RECORD, Optional.empty(), List.of()), "04-loading");
        show(view(SessionState.SHOWING_RECORD, Optional.of(record), List.of()), "05-record");
        assertThat(view.lookup("#subject-name")).isNotNull();
        show(view(SessionState.CONFIRMING_PRINT, Optional.of(record), List.of()), "06-print-confirm");
        show(view(SessionState.PRINTING, Optional.of(record), List.of()), "07-printing");
        show(view(SessionState.FAREWELL, Optional.empty(), List.of()), "08-farewell");
        show(new SessionView(SessionState.NOTICE, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(new Notice.PlatformError(ErrorCode.CARD_REVOKED)), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), java.util.Set.of(), false, false), "09-notice");
        show(new SessionView(SessionState.OUT_OF_SERVICE, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Notice.OutOfService.PLATFORM_DOWN), Optional.empty(), java.util.Set.of(), false, false), "10-out-of-service");
        // 1280x1024 (5:4 kiosk screens): the same screens must still fit
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(1024);
        });
        WaitForAsyncUtils.waitForFxEvents();
        show(view(SessionState.ATTRACT, Optional.empty(), List.of()), "60-small-attract");
        show(view(SessionState.SHOWING_RECORD, Optional.of(record), List.of()), "61-small-record");
        assertThat(view.lookup("#print").getBoundsInParent()).isNotNull();
        var print = view.lookup("#print");
        var b = print.localToScene(print.getBoundsInLocal());
        assertThat(b.getMaxX()).as("print button inside the 1280 px wide screen").isLessThanOrEqualTo(1280);
        assertThat(b.getMaxY()).as("print button inside the 1024 px high screen").isLessThanOrEqualTo(1024);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

}
