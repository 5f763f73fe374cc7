package org.creditkiosk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.creditkiosk.config.HallContent;

/**
 * What the attract and closed screens show of the hall's own content (issue 12): slides whose images are on disk,
 * the announcement, the opening hours and whether the public list search stays open when the hall is closed.
 * {@code files} finds a content file by SHA-256 without touching the platform.
 */
public record HallDisplay(List<HallContent.Slide> slides, Optional<HallContent.Announcement> announcement,
        HallContent.Hours hours, ZoneId zone, boolean listSearchWhenClosed, Function<String, Optional<Path>> files,
        Clock clock) {

    public static final HallDisplay NONE = new HallDisplay(List.of(), Optional.empty(), HallContent.Hours.ALWAYS,
            ZoneId.of("Asia/Shanghai"), true, sha -> Optional.empty(), Clock.systemUTC());

    public HallDisplay {
        slides = List.copyOf(slides);
        Objects.requireNonNull(announcement);
        Objects.requireNonNull(hours);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(files);
        Objects.requireNonNull(clock);
    }

    /** The slides whose image is on disk now, in order. */
    public List<HallContent.Slide> showable() {
        return slides.stream().filter(s -> files.apply(s.sha256()).isPresent()).toList();
    }

    /** The announcement when it is within its window now. */
    public Optional<HallContent.Announcement> announcementNow() {
        return announcement.filter(a -> a.shownAt(clock.instant()));
    }
}
