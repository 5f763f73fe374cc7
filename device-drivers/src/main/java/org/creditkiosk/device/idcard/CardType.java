package org.creditkiosk.device.idcard;

/** The card layouts a GA/T 467 reader returns, told apart by the character at bytes 248–249 of the text block. */
public enum CardType {
    /** 居民身份证 (type character: space). */
    RESIDENT,
    /** 港澳台居民居住证 (type character {@code J}). */
    HMT_RESIDENCE_PERMIT,
    /** 外国人永久居留身份证, 2017 form ({@code I}) or 2023 form ({@code Y}). */
    FOREIGN_PERMANENT_RESIDENT
}
