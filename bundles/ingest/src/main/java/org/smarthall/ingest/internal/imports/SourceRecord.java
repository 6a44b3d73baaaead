package org.smarthall.ingest.internal.imports;

/**
 * A record of an import file, its raw values placed by the dataset's field order.
 *
 * @param line   physical line the record starts on
 * @param values raw text per field of the dataset, {@code null} where absent
 * @param error  why the record as a whole cannot be read, or {@code null}
 * @param errorField the field the error is about, {@code row} for the record as a whole
 */
record SourceRecord(long line, String[] values, String error, String errorField) {

    static SourceRecord bad(long line, String field, String error) {
        return new SourceRecord(line, null, error, field);
    }
}
