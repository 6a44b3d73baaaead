package org.smarthall.store.internal.jpa;

import java.io.Serializable;
import java.util.Objects;

public class PartitionId implements Serializable {
    private static final long serialVersionUID = 1L;

    private long jobId;
    private int index;

    public PartitionId() {
    }

    public PartitionId(long jobId, int index) {
        this.jobId = jobId;
        this.index = index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionId p && p.jobId == jobId && p.index == index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, index);
    }
}
