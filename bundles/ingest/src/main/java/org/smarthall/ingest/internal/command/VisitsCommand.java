package org.smarthall.ingest.internal.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.hall.HallActivity;
import org.smarthall.api.hall.Touchpoint;
import org.smarthall.api.hall.Visit;
import org.smarthall.ingest.internal.zone.HallCalendar;

@Service
@Command(scope = "hall", name = "visits",
        description = "Lists the visits to a hall that began on a day: who, when, the path through the zones (minutes "
                + "in each) and the touchpoints. Times are the halls' local time.")
public class VisitsCommand implements Action {

    @Reference
    private HallActivity activity;

    @Reference
    private HallCalendar calendar;

    @Argument(index = 0, name = "hall", description = "Hall id", required = true)
    @Completion(HallIdCompleter.class)
    private String hall;

    @Argument(index = 1, name = "date", description = "Day (YYYY-MM-DD) in the halls' time zone; today if left out")
    private String date;

    @Override
    public Object execute() {
        LocalDate day = day();
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(calendar.timeZone());
        List<Visit> visits = activity.visits(hall, day);
        ShellTable table = new ShellTable();
        table.column("Visitor");
        table.column("Account");
        table.column("Entered");
        table.column("Left");
        table.column("Duration").alignRight();
        table.column("Path");
        table.column("Touchpoints");
        for (Visit visit : visits) {
            String path = visit.steps().stream()
                    .map(step -> step.zone() + " " + Math.round(step.dwellSeconds() / 60.0) + "m")
                    .collect(Collectors.joining(" > "));
            String touchpoints = visit.touchpoints().stream().map(VisitsCommand::touchpoint)
                    .collect(Collectors.joining(", "));
            table.addRow().addContent(visit.visitor(), visit.account() == null ? "" : visit.account(),
                    clock.format(visit.entered()), clock.format(visit.left()), duration(visit.durationSeconds()), path,
                    touchpoints);
        }
        table.print(System.out);
        System.out.println(visits.size() + " visits to " + hall + " on " + day + " (" + calendar.timeZone() + ")");
        return null;
    }

    private LocalDate day() {
        if (date == null) {
            return calendar.today();
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date must be YYYY-MM-DD, not '" + date + "'");
        }
    }

    private static String touchpoint(Touchpoint t) {
        return t.detail() == null ? t.kind() : t.kind() + ":" + t.detail();
    }

    private static String duration(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
