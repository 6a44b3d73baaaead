package org.smarthall.ingest.internal.zone;

import java.time.Instant;

/** From the first to the last of some moments, both included. */
record Span(Instant first, Instant last) {
    static Span of(Instant at) {
        return new Span(at, at);
    }

    Span union(Span other) {
        return new Span(first.isBefore(other.first) ? first : other.first, last.isAfter(other.last) ? last : other.last);
    }
}
