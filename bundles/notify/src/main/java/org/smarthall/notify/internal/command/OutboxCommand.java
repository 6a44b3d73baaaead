package org.smarthall.notify.internal.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.notify.Notification;
import org.smarthall.api.notify.NotificationAttempt;
import org.smarthall.api.notify.NotificationQuery;
import org.smarthall.api.notify.NotificationState;
import org.smarthall.api.notify.Notifications;

@Service
@Command(scope = "hall", name = "outbox",
        description = "The outbox: counts by state and the latest messages; one message with its attempts (hall:outbox ID); --retry ID")
public class OutboxCommand implements Action {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.of(Codes.TIME_ZONE.getId()));

    @Reference
    private Notifications notifications;

    @Argument(index = 0, name = "id", description = "A message id: show it with its attempts")
    private String id;

    @Option(name = "-s", aliases = "--state", description = "Only messages in this state (PENDING, SENDING, ACCEPTED, DELIVERED, SUPPRESSED, FAILED, IN_DOUBT)")
    private String state;

    @Option(name = "-a", aliases = "--customer", description = "Only this customer's messages")
    private String customer;

    @Option(name = "-n", aliases = "--limit", description = "How many messages to list")
    private int limit = 20;

    @Option(name = "--retry", description = "Send the message (IN_DOUBT or FAILED) again")
    private boolean retry;

    @Override
    public Object execute() {
        if (id != null && retry) {
            Notification n = notifications.retry(id, "shell");
            System.out.println("Message " + n.id() + " is " + n.state() + " again");
            return null;
        }
        if (id != null) {
            Optional<Notification> found = notifications.find(id);
            if (found.isEmpty()) {
                System.err.println("No message " + id);
                return null;
            }
            show(found.get(), notifications.attempts(id));
            return null;
        }
        Map<NotificationState, Long> counts = notifications.counts();
        StringBuilder line = new StringBuilder();
        counts.forEach((s, n) -> line.append(line.length() == 0 ? "" : "  ").append(s).append(' ').append(String.format("%,d", n)));
        System.out.println(line);
        NotificationState filter = state == null ? null : NotificationState.valueOf(state.toUpperCase(Locale.ROOT));
        List<Notification> list = notifications.list(new NotificationQuery(customer, null, filter, null, 0, limit));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Created");
        table.column("To");
        table.column("Purpose");
        table.column("Channel");
        table.column("Address");
        table.column("State");
        table.column("Tries").alignRight();
        table.column("Reason").maxSize(60);
        for (Notification n : list) {
            table.addRow().addContent(n.id(), TIME.format(n.createdAt()), n.account() != null ? n.account() : "hall " + n.hall(),
                    n.purpose(), n.channel() == null ? "" : n.channel(), n.address() == null ? "" : n.address(), n.state(),
                    n.attempts(), n.reason() == null ? "" : n.reason());
        }
        table.print(System.out);
        return null;
    }

    private static void show(Notification n, List<NotificationAttempt> attempts) {
        System.out.printf("Message %s (key %s)%n", n.id(), n.idempotencyKey());
        System.out.printf("  to %s, purpose %s%s, channel %s %s%n", n.account() != null ? n.account() : "hall " + n.hall(),
                n.purpose(), n.urgent() ? " (urgent)" : "", n.channel() == null ? "-" : n.channel(),
                n.address() == null ? "" : n.address());
        System.out.printf("  %s after %d attempts%s%s%n", n.state(), n.attempts(),
                n.providerMessageId() == null ? "" : ", provider id " + n.providerMessageId(),
                n.reason() == null ? "" : ": " + n.reason());
        ShellTable table = new ShellTable();
        table.column("Attempt").alignRight();
        table.column("At");
        table.column("Channel");
        table.column("Outcome");
        table.column("Detail").maxSize(80).wrap();
        for (NotificationAttempt a : attempts) {
            table.addRow().addContent(a.attempt(), TIME.format(a.at()), a.channel() == null ? "" : a.channel(), a.outcome(),
                    a.detail() == null ? "" : a.detail());
        }
        table.print(System.out);
    }
}
