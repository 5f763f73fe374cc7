package org.creditkiosk.platform.api;

import java.util.List;

/** Answer of contract 1.1 {@code listCommitmentTemplates}: the templates, newest first. */
public record CommitmentTemplates(List<CommitmentTemplate> templates) {

    public CommitmentTemplates {
        Require.present(templates, "templates");
        templates = List.copyOf(templates);
    }
}
