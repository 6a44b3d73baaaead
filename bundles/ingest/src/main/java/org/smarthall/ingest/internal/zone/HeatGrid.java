package org.smarthall.ingest.internal.zone;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.smarthall.api.hall.Visit;
import org.smarthall.api.hall.VisitStep;
import org.smarthall.api.hall.ZoneHeat;

/** Stays per zone and local hour of day, summed visit by visit as a scan goes. */
final class HeatGrid {
    private final ZoneId timeZone;
    /** zone, in code order, to stays and summed dwell seconds per hour */
    private final Map<String, long[][]> cells = new TreeMap<>();

    HeatGrid(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    void add(Visit visit) {
        for (VisitStep step : visit.steps()) {
            long[][] zone = cells.computeIfAbsent(step.zone(), z -> new long[2][24]);
            int hour = step.entered().atZone(timeZone).getHour();
            zone[0][hour]++;
            zone[1][hour] += step.dwellSeconds();
        }
    }

    /** The non-empty cells, by zone, then hour. */
    List<ZoneHeat> cells() {
        List<ZoneHeat> heat = new ArrayList<>();
        cells.forEach((zone, sums) -> {
            for (int hour = 0; hour < 24; hour++) {
                if (sums[0][hour] > 0) {
                    heat.add(new ZoneHeat(zone, hour, sums[0][hour], (double) sums[1][hour] / sums[0][hour]));
                }
            }
        });
        return heat;
    }
}
