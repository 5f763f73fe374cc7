package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Contract {@code ListSearchPage}: one page of public red/black list matches. */
public record ListSearchPage(Integer page, Integer size, Integer total, List<Item> items) {

    public enum ListKind { RED, BLACK }

    public record Item(ListKind list, String subjectName, Optional<String> uscc, String listName, String authority, LocalDate listedOn) {
        public Item {
            Require.present(list, "list");
            Require.text(subjectName, "subjectName");
            uscc = Require.optional(uscc);
            Require.text(listName, "listName");
            Require.text(authority, "authority");
            Require.present(listedOn, "listedOn");
        }
    }

    public ListSearchPage {
        Require.present(page, "page");
        Require.present(size, "size");
        Require.present(total, "total");
        Require.present(items, "items");
        items = List.copyOf(items);
    }
}
