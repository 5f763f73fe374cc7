package org.creditkiosk.demo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditkiosk.platform.IdentityNumber;
import org.creditkiosk.platform.UnifiedSocialCreditCode;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.Masking;
import org.creditkiosk.platform.api.SubjectKind;
import org.junit.jupiter.api.Test;

class DemoFixturesTest {

    final DemoFixtures fixtures = DemoFixtures.load();

    @Test
    void everyIdentifierHasAValidCheckCharacter() {
        fixtures.cards().forEach(c -> {
            assertThat(IdentityNumber.isValid(c.idNumber())).as(c.toString()).isTrue();
            assertThat(c.idNumber()).startsWith("6108");
            assertThat(c.birthDate()).contains(c.idNumber().substring(6, 10) + "-" + c.idNumber().substring(10, 12)
                    + "-" + c.idNumber().substring(12, 14));
            int seq = c.idNumber().charAt(16) - '0';
            assertThat(c.sex()).contains(seq % 2 == 1 ? IdCardData.Sex.MALE : IdCardData.Sex.FEMALE);
        });
        fixtures.persons().keySet().forEach(id -> assertThat(IdentityNumber.isValid(id)).isTrue());
        fixtures.subjects().keySet().forEach(u -> assertThat(UnifiedSocialCreditCode.problem(u)).as(u).isEmpty());
        fixtures.publicLists().forEach(i -> i.uscc().ifPresent(u -> assertThat(UnifiedSocialCreditCode.problem(u)).as(u).isEmpty()));
    }

    @Test
    void fixturesAreConsistentAndCoverTheIssueTwoSubjects() {
        Set<String> cardNumbers = fixtures.cards().stream().map(IdCardData::idNumber).collect(Collectors.toSet());
        assertThat(cardNumbers).containsAll(fixtures.persons().keySet());
        fixtures.persons().values().forEach(p -> {
            CreditRecord r = fixtures.record(p.recordId());
            assertThat(r.subject().kind()).isEqualTo(SubjectKind.PERSON);
            assertThat(r.subject().idNumberMasked()).contains(Masking.idNumber(p.idNumber()));
            p.represents().forEach(rep -> assertThat(fixtures.subjects()).containsKey(rep.uscc()));
        });
        fixtures.subjects().values().forEach(s -> assertThat(fixtures.record(s.recordId()).subject().uscc()).contains(s.uscc()));

        var persons = fixtures.persons().values().stream().map(p -> fixtures.record(p.recordId())).toList();
        assertThat(persons).anyMatch(r -> r.redList().isEmpty() && r.blackList().isEmpty() && r.penalties().isEmpty());
        assertThat(persons).anyMatch(r -> !r.redList().isEmpty() && r.score().get().grade().startsWith("AA"));
        assertThat(persons).anyMatch(r -> r.blackList().stream().anyMatch(b -> b.repairGuide().isPresent()));
        assertThat(fixtures.persons().values()).anyMatch(p -> p.represents().size() == 2);
        assertThat(fixtures.persons().values()).anyMatch(p -> p.cardStatus() == DemoFixtures.CardStatus.REVOKED);

        var orgs = fixtures.subjects().values().stream().map(s -> fixtures.record(s.recordId())).toList();
        assertThat(orgs.stream().map(r -> r.subject().kind()).collect(Collectors.toSet())).isEqualTo(
                EnumSet.of(SubjectKind.ENTERPRISE, SubjectKind.SOCIAL_ORGANIZATION, SubjectKind.PUBLIC_INSTITUTION,
                        SubjectKind.GOVERNMENT_AGENCY));
        assertThat(orgs).anyMatch(r -> r.penalties().stream().anyMatch(p -> p.isRepaired())
                && r.penalties().stream().anyMatch(p -> !p.isRepaired()));
        assertThat(persons.size() + orgs.size()).isGreaterThanOrEqualTo(8);
        assertThat(persons).allMatch(r -> r.notice().isPresent());
        assertThat(fixtures.qrTokens().keySet()).allMatch(q -> q.startsWith("XYYL1."));
        assertThat(fixtures.qrTokens().values().stream().map(DemoFixtures.QrToken::state).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(DemoFixtures.QrState.class));
    }
}
