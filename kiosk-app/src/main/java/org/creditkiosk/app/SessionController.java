package org.creditkiosk.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformClient;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.report.sign.SigningException;
import org.creditkiosk.session.Session;
import org.creditkiosk.session.SessionCommand;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Session} for the kiosk: every event goes through one thread ("session"), so the state machine
 * needs no locks; commands that do I/O run on a small worker pool and come back as events; a tick every 250 ms
 * drives the timeouts. Listeners get a fresh {@link SessionView} after every event (the UI hops to the FX thread
 * itself). Nothing here runs on the FX thread.
 */
public final class SessionController implements SessionPort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);
    private static final Duration TICK = Duration.ofMillis(250);

    private final Session session;
    private final PlatformClient platform;
    private final ReportPipeline reports;
    private final List<Consumer<SessionView>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> wipeHooks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "session"));
    private final ExecutorService workers = Executors.newFixedThreadPool(3, r -> daemon(r, "session-io"));
    private volatile SessionView lastView;
    private volatile Runnable probe = () -> { };

    public SessionController(Session session, PlatformClient platform, ReportPipeline reports) {
        this.session = Objects.requireNonNull(session);
        this.platform = Objects.requireNonNull(platform);
        this.reports = Objects.requireNonNull(reports);
        this.lastView = session.view();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void start() {
        loop.scheduleAtFixedRate(() -> submit(new SessionEvent.Tick()), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code r} on the session's own thread after the events queued before it: the systemd watchdog feeds
     * only while this thread answers (ops/SystemdWatchdog). Fails when the controller is closed.
     */
    public void onSessionThread(Runnable r) {
        loop.execute(r);
    }

    /** What to run on {@link SessionCommand.ProbeService} (e.g. a platform health probe). */
    public void onProbe(Runnable probe) {
        this.probe = Objects.requireNonNull(probe);
    }

    @Override
    public void addListener(Consumer<SessionView> listener) {
        listeners.add(listener);
        listener.accept(lastView);
    }

    /** Runs when a visit ends, after the session forgot the citizen (screens, print jobs clear themselves). */
    public void addWipeHook(Runnable hook) {
        wipeHooks.add(hook);
    }

    @Override
    public SessionView view() {
        return lastView;
    }

    /** Queues an event; returns at once. Safe from any thread. */
    @Override
    public void submit(SessionEvent event) {
        if (loop.isShutdown()) {
            return;
        }
        try {
            loop.execute(() -> handle(event));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("controller closed; dropped {}", event.getClass().getSimpleName());
        }
    }

    private void handle(SessionEvent event) {
        List<SessionCommand> commands;
        try {
            commands = session.handle(event);
        } catch (RuntimeException e) {
            // A bug must not stop the kiosk: log it, and end any visit so no citizen is left half-served.
            log.error("session failed on {}", event.getClass().getSimpleName(), e);
            commands = session.handle(new SessionEvent.EnterMaintenance());
            commands = new java.util.ArrayList<>(commands);
            commands.addAll(session.handle(new SessionEvent.LeaveMaintenance()));
        }
        for (SessionCommand c : commands) {
            execute(c);
        }
        SessionView view = session.view();
        boolean changed = !view.equals(lastView);
        lastView = view;
        if (changed) {
            for (Consumer<SessionView> l : listeners) {
                try {
                    l.accept(view);
                } catch (RuntimeException e) {
                    log.error("session listener failed", e);
                }
            }
        }
    }

    private void execute(SessionCommand command) {
        if (command instanceof SessionCommand.OpenSession c) {
            async("openSession", c.visit(), () -> {
                PlatformSession s = platform.openSession(c.request());
                return new SessionEvent.SessionOpened(c.visit(), s);
            });
        } else if (command instanceof SessionCommand.LoadRecord c) {
            String op = c.uscc().isPresent() ? "getOrganizationRecord" : "getOwnRecord";
            async(op, c.visit(), () -> {
                CreditRecord r = c.uscc().isPresent()
                        ? platform.getOrganizationRecord(c.token(), c.uscc().get())
                        : platform.getOwnRecord(c.token());
                return new SessionEvent.RecordLoaded(c.visit(), r);
            });
        } else if (command instanceof SessionCommand.PrintReport c) {
            // Every way the print flow can end comes back as an event, so PRINTING never waits for its timeout:
            // a report, a notice, a failed platform call (allocate, register the digest), or anything it threw.
            async("printReport", c.visit(), () -> {
                ReportPipeline.Outcome o = reports.print(c.token(), c.record());
                if (o instanceof ReportPipeline.Printed p) {
                    return new SessionEvent.PrintFinished(c.visit(), p.reportNo());
                }
                return new SessionEvent.PrintFailed(c.visit(), ((ReportPipeline.Failed) o).notice());
            }, e -> new SessionEvent.PrintFailed(c.visit(), e instanceof SigningException
                    ? Notice.PrintProblem.SIGNING_FAILED : Notice.PrintProblem.PRINT_FAILED));
        } else if (command instanceof SessionCommand.FileObjection c) {
            async("fileObjection", c.visit(), () ->
                    new SessionEvent.ObjectionFiled(c.visit(), platform.fileObjection(c.token(), c.request())));
        } else if (command instanceof SessionCommand.VerifyReport c) {
            async("verifyReport", c.visit(), () ->
                    new SessionEvent.ReportVerified(c.visit(), platform.verifyReport(c.reportNo())));
        } else if (command instanceof SessionCommand.LoadCommitmentTemplates c) {
            async("listCommitmentTemplates", c.visit(), () -> new SessionEvent.CommitmentTemplatesLoaded(c.visit(),
                    platform.listCommitmentTemplates(c.token(), c.uscc())));
        } else if (command instanceof SessionCommand.SignCommitment c) {
            // Copied here, on the session thread: the session wipes its signature when the visit ends, possibly
            // before the worker starts. The pipeline zeroes this copy when done.
            byte[] png = c.signature().png();
            async("signCommitment", c.visit(), () -> {
                ReportPipeline.Outcome o = reports.printCommitment(c.token(), c.template(), c.uscc(), png, c.signedAt(),
                        c.subject(), signed -> submit(new SessionEvent.CommitmentSigned(c.visit(), signed)));
                if (o instanceof ReportPipeline.Printed p) {
                    return new SessionEvent.CommitmentPrinted(c.visit(), p.reportNo());
                }
                return new SessionEvent.CommitmentPrintFailed(c.visit(), ((ReportPipeline.Failed) o).notice());
            }, e -> new SessionEvent.CommitmentPrintFailed(c.visit(), e instanceof SigningException
                    ? Notice.PrintProblem.SIGNING_FAILED : Notice.PrintProblem.PRINT_FAILED));
        } else if (command instanceof SessionCommand.ReprintCommitment c) {
            async("reprintCommitment", c.visit(), () -> {
                ReportPipeline.Outcome o = reports.reprintCommitment(c.commitmentNo());
                if (o instanceof ReportPipeline.Printed p) {
                    return new SessionEvent.CommitmentPrinted(c.visit(), p.reportNo());
                }
                return new SessionEvent.CommitmentPrintFailed(c.visit(), ((ReportPipeline.Failed) o).notice());
            }, e -> new SessionEvent.CommitmentPrintFailed(c.visit(), Notice.PrintProblem.PRINT_FAILED));
        } else if (command instanceof SessionCommand.FileComplaint c) {
            async("fileComplaint", c.visit(), () -> {
                var ticket = platform.fileComplaint(c.token(), c.request());
                reports.printComplaintSlip(ticket, c.request());
                return new SessionEvent.ComplaintFiled(c.visit(), ticket);
            });
        } else if (command instanceof SessionCommand.CloseSession c) {
            workers.execute(() -> {
                closeQuietly(c.token());
                platform.forgetVisit();
            });
        } else if (command instanceof SessionCommand.WipeCitizenData) {
            reports.wipe();
            wipeHooks.forEach(Runnable::run);
        } else if (command instanceof SessionCommand.ProbeService) {
            workers.execute(probe);
        }
    }

    private interface Call {
        SessionEvent run() throws PlatformException;
    }

    private void async(String operation, long visit, Call call) {
        async(operation, visit, call, e -> new SessionEvent.PlatformFailed(visit, operation,
                new PlatformException.Protocol(operation + ": " + e.getClass().getSimpleName(), e)));
    }

    /**
     * Runs {@code call} on a worker and submits its event; a failed platform call becomes {@link
     * SessionEvent.PlatformFailed}, anything else it throws (a bug, a signing fault, even an Error) becomes the event
     * {@code unexpected} makes of it, so that the session always hears how the command ended.
     */
    private void async(String operation, long visit, Call call, Function<Throwable, SessionEvent> unexpected) {
        workers.execute(() -> {
            SessionEvent result;
            try {
                result = call.run();
            } catch (PlatformException e) {
                log.warn("{} failed: {}", operation, e.getMessage());
                result = new SessionEvent.PlatformFailed(visit, operation, e);
            } catch (RuntimeException e) {
                log.error("{} failed unexpectedly", operation, e);
                result = unexpected.apply(e);
            } catch (Error e) {
                log.error("{} failed unexpectedly", operation, e);
                submit(unexpected.apply(e));
                throw e;
            }
            submit(result);
        });
    }

    private void closeQuietly(SessionToken token) {
        try {
            platform.closeSession(token);
        } catch (PlatformException | RuntimeException e) {
            // The platform ends idle sessions itself; a failed close is not the citizen's problem.
            log.info("closeSession failed (the platform will expire it): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        workers.shutdownNow();
        try {
            loop.awaitTermination(2, TimeUnit.SECONDS);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
