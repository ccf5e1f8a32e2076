/**
 * Checksums and issuing rules for identifiers (Luhn, IBAN mod-97, Base58Check, bech32/bech32m, NHS
 * mod-11, SSN and ITIN ranges, card issuers, IP address syntax, top-level domains). Used by the
 * recognizers to reject look-alikes and by the operators to generate valid surrogates.
 */
package io.sluice.pii.validators;
