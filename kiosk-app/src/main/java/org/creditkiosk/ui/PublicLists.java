package org.creditkiosk.ui;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.creditkiosk.platform.api.ListSearchPage;

/**
 * The public red/black list search for {@link ListSearchScreen}, which needs no session. The kiosk implements it
 * with the platform client on a background executor; the screen never waits on the FX thread and applies the
 * result there. A failed search completes exceptionally, ideally with a {@code PlatformException} (possibly
 * wrapped in a {@code CompletionException}) so that the citizen sees the matching message.
 *
 * @see org.creditkiosk.platform.PlatformClient#searchPublicLists
 */
@FunctionalInterface
public interface PublicLists {

    /**
     * @param query a name fragment (at least 2 characters) or a full USCC
     * @param list  only red or only black listings; empty for both
     * @param page  1-based page number
     * @param size  matches per page (1..50)
     */
    CompletableFuture<ListSearchPage> search(String query, Optional<ListSearchPage.ListKind> list, int page, int size);
}
