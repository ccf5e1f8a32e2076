package io.sluice.synth.fields;

import java.io.Serializable;

/**
 * A field of the output record and how it is generated.
 *
 * @param entityType Presidio entity name when the values are PII put there on purpose (recorded as injected), else
 *     null
 * @param nullRate share of records where a nullable field is left null
 */
public record FieldSpec(String name, FieldGenerator generator, String entityType, double nullRate)
    implements Serializable {}
