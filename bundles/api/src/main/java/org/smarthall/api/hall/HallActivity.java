package org.smarthall.api.hall;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Records a hall's zone events and rebuilds visits, trajectories and heat from them. */
@ProviderType
public interface HallActivity {

    List<Hall> halls();

    Optional<Hall> hall(String id);

    /**
     * Stores a batch of events of one hall. Bad events are rejected one by one, with the field
     * and the reason; the others are stored. Each stored event is also posted on EventAdmin.
     *
     * @throws org.smarthall.api.NotFoundException when the hall is unknown
     */
    IngestResult record(String hall, List<ZoneEvent> events);

    /** Visits to a hall that began on a day (the hall's local date). */
    List<Visit> visits(String hall, LocalDate day);

    /** A customer's visits to any hall, newest first, between two days inclusive. */
    List<Visit> visitsOf(String account, LocalDate from, LocalDate to);

    /** Stays per zone and hour of day over the days from and to inclusive. */
    List<ZoneHeat> heat(String hall, LocalDate from, LocalDate to);
}
