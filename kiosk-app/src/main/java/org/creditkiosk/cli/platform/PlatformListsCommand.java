package org.creditkiosk.cli.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.ErrorCatalog;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ListSearchPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk platform lists --q TEXT [--list RED|BLACK] [--json]}: one page of the public red/black lists. */
@Command(name = "lists", mixinStandardHelpOptions = true,
        description = "Search the public red (honour) and black (serious dishonesty) lists and print one page.")
public final class PlatformListsCommand implements Callable<Integer> {

    @Mixin
    PlatformConnection connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--q", required = true, paramLabel = "TEXT", description = "Name fragment (at least 2 characters) or a full USCC.")
    String query;

    @Option(names = "--list", paramLabel = "RED|BLACK", description = "Only this list.")
    ListSearchPage.ListKind list;

    @Option(names = "--page", defaultValue = "1", description = "Page number, from 1 (default ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "Items per page, 1..50 (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--json", description = "Print the contract's ListSearchPage JSON.")
    boolean json;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (query.strip().codePointCount(0, query.strip().length()) < 2) {
            err.println("--q needs at least 2 characters");
            return 2;
        }
        PlatformConnection.Connected connected;
        try {
            connected = connection.connect(environment, CallObserver.NONE);
        } catch (IOException | IllegalArgumentException e) {
            err.println("settings: " + e.getMessage());
            return 2;
        }
        try (connected) {
            ListSearchPage result = connected.client().searchPublicLists(query.strip(), Optional.ofNullable(list), page, size);
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
                return 0;
            }
            int pages = Math.max(1, (result.total() + result.size() - 1) / result.size());
            out.printf("%d match(es), page %d of %d%n", result.total(), result.page(), pages);
            for (ListSearchPage.Item i : result.items()) {
                out.printf("%-5s  %s  %s  %s  %s  %s%n", i.list(), i.listedOn(), i.subjectName(), i.uscc().orElse("-"),
                        i.listName(), i.authority());
            }
            return 0;
        } catch (PlatformException e) {
            ErrorCatalog.Entry entry = ErrorCatalog.of(e);
            err.println("search failed [" + entry.key() + "]: " + e.getMessage());
            err.println(entry.staffDetail());
            return 1;
        }
    }
}
