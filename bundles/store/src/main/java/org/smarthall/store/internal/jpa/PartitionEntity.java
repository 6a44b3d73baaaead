package org.smarthall.store.internal.jpa;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Read side of a job partition; written by plain JDBC inside the partition's transaction. */
@Entity
@Table(name = "sh_job_partition")
@IdClass(PartitionId.class)
public class PartitionEntity {
    @Id
    @Column(name = "job_id")
    private long jobId;

    @Id
    @Column(name = "idx")
    private int index;

    @Column(name = "part_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private long units;

    @Column(nullable = false)
    private short done;

    @Column(name = "units_done", nullable = false)
    private long unitsDone;

    private String counters;

    @Column(name = "finished_at")
    private Instant finished;

    protected PartitionEntity() {
    }

    public long getJobId() {
        return jobId;
    }

    public int getIndex() {
        return index;
    }

    public String getKey() {
        return key;
    }

    public long getUnits() {
        return units;
    }

    public boolean isDone() {
        return done != 0;
    }

    public long getUnitsDone() {
        return unitsDone;
    }

    public String getCounters() {
        return counters;
    }

    public Instant getFinished() {
        return finished;
    }
}
