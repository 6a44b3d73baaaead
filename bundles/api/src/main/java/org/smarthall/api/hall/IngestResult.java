package org.smarthall.api.hall;

import java.util.List;

/**
 * What became of a batch of zone events: the good ones are stored, the bad ones listed.
 *
 * @param accepted   stored now
 * @param duplicates already stored (a resent batch adds nothing)
 * @param rejected   bad events, by their position in the batch
 */
public record IngestResult(int accepted, int duplicates, List<Rejected> rejected) {
    public IngestResult {
        rejected = List.copyOf(rejected);
    }

    /** @param index position in the batch, from 0 */
    public record Rejected(int index, String field, String reason) {
    }
}
