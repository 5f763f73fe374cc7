package org.creditkiosk.platform.api;

/** Contract {@code SubjectKind}. */
public enum SubjectKind {
    PERSON, ENTERPRISE, SOCIAL_ORGANIZATION, PUBLIC_INSTITUTION, GOVERNMENT_AGENCY;

    public boolean isOrganization() {
        return this != PERSON;
    }
}
