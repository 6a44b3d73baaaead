package org.smarthall.platform.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.platform.HealthReport;
import org.smarthall.api.platform.PlatformStatus;

@Service
@Command(scope = "hall", name = "health", description = "Shows the platform's health: status, version, uptime and every check with its detail.")
public class HealthCommand implements Action {

    @Reference
    private PlatformStatus platform;

    @Override
    public Object execute() {
        HealthReport report = platform.health();
        long up = report.uptimeSeconds();
        System.out.printf("SmartHall %s  %s  up %dd %02d:%02d:%02d%n", report.version(), report.status(), up / 86400,
                up / 3600 % 24, up / 60 % 60, up % 60);
        ShellTable table = new ShellTable();
        table.column("Check");
        table.column("Status");
        table.column("Detail");
        report.checks().forEach(c -> table.addRow().addContent(c.name(), c.status(), c.detail()));
        table.print(System.out);
        return null;
    }
}
