package org.smarthall.ingest.internal.imports;

/**
 * One field of a dataset.
 *
 * @param flagMissing whether an absent value is a data-quality gap worth counting (a missing
 *                    phone is; an unpaid bill's missing payment date is not)
 */
record FieldSpec(String name, boolean required, ValueType type, boolean flagMissing) {

    static FieldSpec required(String name, ValueType type) {
        return new FieldSpec(name, true, type, false);
    }

    /** Optional, and its absence is counted as missing. */
    static FieldSpec optional(String name, ValueType type) {
        return new FieldSpec(name, false, type, true);
    }

    /** Optional, and absent is a normal state (not counted). */
    static FieldSpec absentOk(String name, ValueType type) {
        return new FieldSpec(name, false, type, false);
    }
}
