package org.creditkiosk.app;

import java.util.function.Consumer;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionView;

/**
 * How the screens and operations reach the session: send an event, read the current view, hear every new view.
 * Nothing else of the controller (its workers, its pipeline) is theirs to touch.
 */
public interface SessionPort {

    /** Queues an event for the session (any thread; never blocks). */
    void submit(SessionEvent event);

    /** The session's current view. */
    SessionView view();

    /** Hears every new view, on the session's thread. */
    void addListener(Consumer<SessionView> listener);
}
