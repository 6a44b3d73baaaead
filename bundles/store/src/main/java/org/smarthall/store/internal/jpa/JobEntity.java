package org.smarthall.store.internal.jpa;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;

import org.smarthall.api.jobs.JobState;

@Entity
@Table(name = "sh_job")
public class JobEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_type", nullable = false)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submitted;

    @Column(name = "started_at")
    private Instant started;

    @Column(name = "finished_at")
    private Instant finished;

    @Column(name = "cancel_requested", nullable = false)
    private short cancelRequested;

    @Column(name = "units_total", nullable = false)
    private long unitsTotal;

    @Column(name = "partitions_total", nullable = false)
    private int partitionsTotal;

    private String counters;

    private String message;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sh_job_param", joinColumns = @JoinColumn(name = "job_id"))
    @MapKeyColumn(name = "param_name")
    @Column(name = "param_value")
    private Map<String, String> parameters = new HashMap<>();

    protected JobEntity() {
    }

    public JobEntity(String type, Map<String, String> parameters, String submittedBy, Instant submitted) {
        this.type = type;
        this.parameters = new HashMap<>(parameters);
        this.submittedBy = submittedBy;
        this.submitted = submitted;
        this.state = JobState.QUEUED;
    }

    public Long getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public JobState getState() {
        return state;
    }

    public void setState(JobState state) {
        this.state = state;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmitted() {
        return submitted;
    }

    public Instant getStarted() {
        return started;
    }

    public void setStarted(Instant started) {
        this.started = started;
    }

    public Instant getFinished() {
        return finished;
    }

    public void setFinished(Instant finished) {
        this.finished = finished;
    }

    public boolean isCancelRequested() {
        return cancelRequested != 0;
    }

    public void setCancelRequested(boolean cancelRequested) {
        this.cancelRequested = (short) (cancelRequested ? 1 : 0);
    }

    public long getUnitsTotal() {
        return unitsTotal;
    }

    public int getPartitionsTotal() {
        return partitionsTotal;
    }

    public String getCounters() {
        return counters;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }
}
