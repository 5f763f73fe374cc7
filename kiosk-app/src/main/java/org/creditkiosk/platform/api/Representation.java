package org.creditkiosk.platform.api;

/** Contract {@code Session.represents[]}: an organisation whose record the session's person may query. */
public record Representation(String uscc, String name, SubjectKind kind, Role role) {

    public enum Role { LEGAL_REPRESENTATIVE, AUTHORISED_AGENT }

    public Representation {
        Require.text(uscc, "represents.uscc");
        Require.text(name, "represents.name");
        Require.present(kind, "represents.kind");
        Require.present(role, "represents.role");
    }
}
