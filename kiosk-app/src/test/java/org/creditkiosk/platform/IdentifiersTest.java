package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "12100000425006133D"})
    void validUsccsFromDomainMd(String code) {
        assertThat(UnifiedSocialCreditCode.problem(code)).isEmpty();
    }

    @Test
    void theStandardsOwnSampleHasAWrongCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y4Z")).contains(UnifiedSocialCreditCode.Problem.CHECK_CHARACTER);
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        assertThat(UnifiedSocialCreditCode.problem("91440300192203821")).contains(UnifiedSocialCreditCode.Problem.LENGTH);
        assertThat(UnifiedSocialCreditCode.problem("9I4403001922038216")).contains(UnifiedSocialCreditCode.Problem.CHARACTER);
        assertThat(UnifiedSocialCreditCode.problem("9144A3001922038216")).contains(UnifiedSocialCreditCode.Problem.AREA_CODE);
        // one digit of the organisation code changed: its own GB 11714 check fails first
        assertThat(UnifiedSocialCreditCode.problem("914403001932038216")).contains(UnifiedSocialCreditCode.Problem.ORGANISATION_CODE_CHECK);
        assertThat(UnifiedSocialCreditCode.problem("914403001922038217")).contains(UnifiedSocialCreditCode.Problem.CHECK_CHARACTER);
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @Test
    void identityNumbersAfterGb11643() {
        assertThat(IdentityNumber.isValid("11010519491231002X")).isTrue();
        assertThat(IdentityNumber.isValid("440524188001010014")).isTrue();
        assertThat(IdentityNumber.isValid("440524188001010015")).isFalse();
        assertThat(IdentityNumber.isValid("440524188002300014")).isFalse(); // 30 February
        assertThat(IdentityNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }
}
