/**
 * Built-in pattern recognizers, one per Presidio entity type, with validators from
 * {@code io.sluice.pii.validators} and Presidio-like base scores and context words.
 *
 * <p>Speed comes from not running regexes over whole texts: a {@link io.sluice.pii.recognizers.TextIndex}
 * scans each text once (tokens with character flags, digit runs, numeric chunks) and each pattern runs only
 * inside its {@link io.sluice.pii.recognizers.Candidates} regions, e.g. e-mail only in tokens with '@',
 * card numbers only in numeric chunks with 13 or more digits, libphonenumber only on phone-shaped
 * candidates with 7-15 digits.
 */
package io.sluice.pii.recognizers;
