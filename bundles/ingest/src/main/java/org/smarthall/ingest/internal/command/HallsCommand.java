package org.smarthall.ingest.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.HallActivity;

@Service
@Command(scope = "hall", name = "halls", description = "Lists the business halls with their functional zones.")
public class HallsCommand implements Action {

    @Reference
    private HallActivity activity;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Hall");
        table.column("Name");
        table.column("Region");
        table.column("Zones");
        for (Hall hall : activity.halls()) {
            table.addRow().addContent(hall.id(), hall.name(), hall.region(), String.join(", ", hall.zones()));
        }
        table.print(System.out);
        return null;
    }
}
