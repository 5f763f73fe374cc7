package org.creditkiosk.session;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.Person;
import org.creditkiosk.platform.api.Representation;
import org.creditkiosk.platform.api.ReportVerification;

/**
 * An immutable snapshot of the session for the screens. Outside a session every citizen field is empty.
 *
 * @param notice what went wrong, for the citizen (texts from {@code ErrorCatalog.of(notice)}): the reason of a
 *               NOTICE screen, or a banner on the current screen (e.g. the printer needs attention)
 * @param reportNo the number of the report just printed (farewell screen)
 * @param objectionItemId the item being objected to (objection screen)
 * @param objectionTicket the ticket once the objection was filed
 * @param outOfServiceReason why the kiosk is out of service (for the attract notice and staff)
 * @param verification the platform's answer about a scanned report (SHOWING_VERIFICATION)
 * @param unavailableDevices devices that cannot work now, for the attract screen's notice
 * @param services commitments and complaints (issue 15); {@link ServicesView#NONE} outside those flows
 * @param cardVisit whether the visit (or the one the farewell screen ends) was opened with an ID card: only then do
 *                  the screens and prompts speak of keeping or taking the card
 * @param elderly   the elderly-friendly mode (适老化) chosen for this visit: larger text, fewer items, longer
 *                  timeouts, voice on; it ends with the visit
 * @param endedIdle whether the last visit ended by itself because nobody touched the kiosk for its timeout (the
 *                  citizen walked away); from that moment until the next visit starts (usage statistics)
 */
public record SessionView(
        SessionState state,
        Optional<Person> person,
        List<Representation> represents,
        Optional<String> chosenUscc,
        Optional<CreditRecord> record,
        Optional<Notice> notice,
        Optional<String> reportNo,
        Optional<String> objectionItemId,
        Optional<ObjectionTicket> objectionTicket,
        Optional<Notice.OutOfService> outOfServiceReason,
        Optional<ReportVerification> verification,
        Set<DeviceKind> unavailableDevices,
        ServicesView services,
        boolean cardVisit,
        boolean elderly,
        boolean endedIdle) {

    public SessionView {
        represents = List.copyOf(represents);
        unavailableDevices = Set.copyOf(unavailableDevices);
        services = services == null ? ServicesView.NONE : services;
    }

    /** A view outside the commitment and complaint flows. */
    public SessionView(SessionState state, Optional<Person> person, List<Representation> represents,
                       Optional<String> chosenUscc, Optional<CreditRecord> record, Optional<Notice> notice,
                       Optional<String> reportNo, Optional<String> objectionItemId, Optional<ObjectionTicket> objectionTicket,
                       Optional<Notice.OutOfService> outOfServiceReason, Optional<ReportVerification> verification,
                       Set<DeviceKind> unavailableDevices) {
        this(state, person, represents, chosenUscc, record, notice, reportNo, objectionItemId, objectionTicket,
                outOfServiceReason, verification, unavailableDevices, ServicesView.NONE, false, false, false);
    }

    /** A view outside the commitment and complaint flows, with the visit's kind and the elderly mode. */
    public SessionView(SessionState state, Optional<Person> person, List<Representation> represents,
                       Optional<String> chosenUscc, Optional<CreditRecord> record, Optional<Notice> notice,
                       Optional<String> reportNo, Optional<String> objectionItemId, Optional<ObjectionTicket> objectionTicket,
                       Optional<Notice.OutOfService> outOfServiceReason, Optional<ReportVerification> verification,
                       Set<DeviceKind> unavailableDevices, boolean cardVisit, boolean elderly) {
        this(state, person, represents, chosenUscc, record, notice, reportNo, objectionItemId, objectionTicket,
                outOfServiceReason, verification, unavailableDevices, ServicesView.NONE, cardVisit, elderly, false);
    }

    /** A view of a visit that did not just end by itself. */
    public SessionView(SessionState state, Optional<Person> person, List<Representation> represents,
                       Optional<String> chosenUscc, Optional<CreditRecord> record, Optional<Notice> notice,
                       Optional<String> reportNo, Optional<String> objectionItemId, Optional<ObjectionTicket> objectionTicket,
                       Optional<Notice.OutOfService> outOfServiceReason, Optional<ReportVerification> verification,
                       Set<DeviceKind> unavailableDevices, ServicesView services, boolean cardVisit, boolean elderly) {
        this(state, person, represents, chosenUscc, record, notice, reportNo, objectionItemId, objectionTicket,
                outOfServiceReason, verification, unavailableDevices, services, cardVisit, elderly, false);
    }

    /** The same view with the elderly-friendly mode on or off. */
    public SessionView withElderly(boolean on) {
        return new SessionView(state, person, represents, chosenUscc, record, notice, reportNo, objectionItemId,
                objectionTicket, outOfServiceReason, verification, unavailableDevices, services, cardVisit, on, endedIdle);
    }

    @Override
    public String toString() {
        return "SessionView[" + state + notice.map(n -> ", notice " + n.code()).orElse("") + (elderly ? ", elderly" : "")
                + "]";
    }
}
