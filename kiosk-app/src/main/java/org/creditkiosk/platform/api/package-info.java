/**
 * The platform contract ({@code shared/platform-api/openapi.yaml}) as Java records, one per schema.
 *
 * <p>Parsing is strict where the contract is strict: a missing required field or a wrong type fails the whole
 * answer (compact constructors call {@link org.creditkiosk.platform.api.Require}), so a record is never shown
 * half. Unknown fields are ignored, as the contract allows the platform to add them. Optional fields are
 * {@link java.util.Optional} and lists default to empty; no {@code null} leaves this package.
 *
 * <p>Records that carry personal data override {@code toString()} so that an accidental log line shows
 * masked forms only.
 */
package org.creditkiosk.platform.api;
