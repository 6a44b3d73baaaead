package org.smarthall.api.ingest;

/** File formats an import reads. */
public enum ImportFormat {
    /** RFC 4180 with a header line; UTF-8 or GBK. */
    CSV,
    /** One JSON object per line; UTF-8. */
    JSON_LINES
}
