package org.creditkiosk.ui.voice;

/**
 * The voice prompts, one per step of a visit (their texts: {@code assets/voice/prompts_zh.txt} and
 * {@code prompts_en.txt}; their sound: {@code assets/voice/<lang>/<NAME>.wav}).
 */
public enum VoicePrompt {
    PLACE_CARD, READING, CHOOSE_SUBJECT, LOADING, RECORD_READY, CONFIRM_PRINT, PRINTING, TAKE_CARD_AND_REPORT,
    TAKE_CARD, TAKE_REPORT, GOODBYE, VERIFYING, VERIFICATION_READY, DISPUTE, NOTICE, ELDERLY_ON
}
