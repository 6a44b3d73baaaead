package org.smarthall.notify.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.notify.NotificationRequest;
import org.smarthall.api.notify.Notifications;
import org.smarthall.api.notify.Submitted;

@Service
@Command(scope = "hall", name = "notify",
        description = "Put a message in the outbox for a customer (routed by preference and consent) or a hall's screens")
public class NotifyCommand implements Action {

    @Reference
    private Notifications notifications;

    @Argument(index = 0, name = "account", required = true,
            description = "Account number of the customer, or the hall id with --hall")
    private String target;

    @Argument(index = 1, name = "text", required = true, multiValued = true, description = "The message text")
    private List<String> text;

    @Option(name = "--hall", description = "The target is a hall: show the message on its screens")
    private boolean hall;

    @Option(name = "-p", aliases = "--purpose", description = "bill, arrears, outage, purchase_reminder, service, marketing, survey")
    private String purpose = "service";

    @Option(name = "-c", aliases = "--channel", description = "Send on this channel only (sms, wechat, app-push, email)")
    private String channel;

    @Option(name = "-k", aliases = "--key", description = "Idempotency key: a second call with it sends nothing")
    private String key;

    @Option(name = "-u", aliases = "--urgent", description = "Not held by quiet hours")
    private boolean urgent;

    @Option(name = "--opt-in", description = "Send only where the customer subscribed to the purpose")
    private boolean optIn;

    @Option(name = "-P", aliases = "--param", multiValued = true, description = "Template parameter name=value")
    private List<String> params;

    @Option(name = "-t", aliases = "--template", description = "Provider template id")
    private String template;

    @Override
    public Object execute() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (params != null) {
            for (String p : params) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    System.err.println("A parameter is name=value: " + p);
                    return null;
                }
                parameters.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        NotificationRequest request = new NotificationRequest(key, hall ? null : target, hall ? target : null, purpose,
                channel, template, parameters, String.join(" ", text), urgent, optIn);
        try {
            Submitted s = notifications.submit(request);
            System.out.printf("%s %s (%s)%n", s.created() ? "Queued" : "Already queued as", s.notification().id(),
                    s.notification().state());
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> System.err.println(v.field() + ": " + v.reason()));
        }
        return null;
    }
}
