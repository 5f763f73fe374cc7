package org.creditkiosk.device.idcard;

/** What an {@link IdCardReader} reports by itself, on its own thread. */
public sealed interface IdCardEvent {

    /** A card was placed and read; sent once per placement. {@code samId} identifies the reader's SAM. */
    record CardPlaced(IdentityCard card, String samId) implements IdCardEvent {
    }

    /** The card that was reported placed is gone (lifted, or the reader went offline). */
    record CardRemoved() implements IdCardEvent {
    }

    /** A card was found but not read; the outcome says why. */
    record ReadFailed(IdCardOutcome outcome) implements IdCardEvent {
    }
}
