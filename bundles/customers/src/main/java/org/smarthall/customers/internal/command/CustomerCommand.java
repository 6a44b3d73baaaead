package org.smarthall.customers.internal.command;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSummary;
import org.smarthall.customers.internal.CustomerView;
import org.smarthall.customers.internal.CustomerViews;

@Service
@Command(scope = "hall", name = "customer", description = "Shows a customer's 360 view: masked profile, the last 12 months summed up, tags and grades.")
public class CustomerCommand implements Action {

    @Reference
    private CustomerViews views;

    @Argument(index = 0, name = "account", description = "Account number (10 digits)", required = true)
    private String account;

    @Override
    public Object execute() {
        CustomerView view = views.view(account).orElseThrow(() -> new NotFoundException("customer", account));
        CustomerProfile p = view.profile();
        System.out.printf("%s  %s  %s%n", p.account(), p.name(), p.kind());
        row("ID number", p.maskedIdNumber());
        row("Phone", p.maskedPhone());
        row("Address", p.address());
        row("Region / unit", p.region() + " / " + p.supplyUnit());
        row("Industry", p.industry());
        row("Contract kVA", p.contractCapacityKva());
        row("Opened", p.opened());
        row("Take care", p.sensitive().isEmpty() ? null : String.join(", ", p.sensitive()));
        row("Missing", p.missing().isEmpty() ? null : String.join(", ", p.missing()));
        CustomerSummary s = view.summary();
        System.out.println("Last 12 months to " + s.asOf());
        row("Consumption", s.consumption().totalKwh() == null ? "no readings"
                : String.format("%,.0f kWh in %d months (%d without a reading), peak %.0f%%, valley %.0f%%",
                        s.consumption().totalKwh(), s.consumption().months(), s.consumption().missingMonths(),
                        100 * orZero(s.consumption().peakShare()), 100 * orZero(s.consumption().valleyShare())));
        row("Bills", s.billing().bills() + " bills, " + s.billing().unpaidBills() + " unpaid, arrears "
                + (s.billing().arrears() == null ? "0" : s.billing().arrears()) + " yuan, at most "
                + s.billing().maxLateDays() + " days late; payments " + s.billing().paymentsByChannel());
        if (s.prepaid() != null) {
            row("Prepaid", "balance " + s.prepaid().lastBalance() + " yuan, " + s.prepaid().trips() + " trips, "
                    + s.prepaid().recharges() + " recharges (" + s.prepaid().failedRecharges() + " failed)");
        }
        row("Work orders", s.service().workOrdersByKind() + ", " + s.service().openWorkOrders() + " open");
        row("Ratings", s.service().ratings() + (s.service().meanRating() == null ? ""
                : String.format(", mean %.1f", s.service().meanRating())));
        row("Visits", s.visits().count() + (s.visits().last() == null ? "" : ", last " + s.visits().last()));
        s.consents().forEach(c -> row("Consent", c.purpose() + " by " + c.channel() + ": "
                + (c.granted() ? "granted" : "withdrawn") + " " + c.at() + " (" + c.place() + ")"));
        for (Map.Entry<String, Object> facet : view.facets().entrySet()) {
            row(facet.getKey(), facet.getValue());
        }
        return null;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private static void row(String label, Object value) {
        System.out.printf("  %-14s %s%n", label, value == null ? "-" : value);
    }
}
