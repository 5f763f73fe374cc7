package org.creditkiosk.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Contract {@code CreditRecord}: the credit record of a person or an organisation. */
public record CreditRecord(
        String recordId,
        Long recordVersion,
        Instant generatedAt,
        Optional<LocalDate> dataAsOf,
        Subject subject,
        Optional<Score> score,
        List<ListEntry> redList,
        List<ListEntry> blackList,
        List<Permit> permits,
        List<Penalty> penalties,
        List<Commitment> commitments,
        List<JudicialItem> judicial,
        List<Benefit> benefits,
        List<ObjectionTicket> objections,
        Optional<String> notice) {

    public CreditRecord {
        Require.text(recordId, "recordId");
        Require.present(recordVersion, "recordVersion");
        Require.present(generatedAt, "generatedAt");
        dataAsOf = Require.optional(dataAsOf);
        Require.present(subject, "subject");
        score = Require.optional(score);
        redList = Require.list(redList);
        blackList = Require.list(blackList);
        permits = Require.list(permits);
        penalties = Require.list(penalties);
        commitments = Require.list(commitments);
        judicial = Require.list(judicial);
        benefits = Require.list(benefits);
        objections = Require.list(objections);
        notice = Require.optional(notice);
    }

    /** Objections still being handled (RECEIVED or IN_REVIEW). */
    public List<ObjectionTicket> openObjections() {
        return objections.stream().filter(o -> o.status().isOpen()).toList();
    }

    @Override
    public String toString() {
        return "CreditRecord[" + recordId + " v" + recordVersion + ", " + subject + "]";
    }
}
