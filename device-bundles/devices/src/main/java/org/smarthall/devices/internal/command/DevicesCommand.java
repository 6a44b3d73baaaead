package org.smarthall.devices.internal.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.devices.internal.DeviceDirectory;
import org.smarthall.devices.internal.DeviceView;

@Service
@Command(scope = "hall", name = "devices", description = "Lists the hall devices of this node: link state, frames good and bad, "
        + "reconnects, last frame; and configured devices whose driver is missing or failed, with the reason.")
public class DevicesCommand implements Action {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Reference
    private DeviceDirectory directory;

    @Option(name = "-H", aliases = "--hall", description = "Only the devices of this hall")
    private String hall;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Kind", "Hall", "Port", "State", "Good", "Bad", "Reconnects",
                "Last frame", "Driver"}) {
            table.column(column);
        }
        table.column("Problem").maxSize(80);
        for (DeviceView d : directory.devices()) {
            if (hall != null && !hall.equals(d.hall())) {
                continue;
            }
            table.addRow().addContent(d.id(), dash(d.kind()), dash(d.hall()), dash(d.port()), d.state(), d.framesGood(),
                    d.framesBad(), d.reconnects(), d.lastFrame() == null ? "-" : TIME.format(d.lastFrame()),
                    d.driverVersion() == null ? d.driver() : d.driver() + " " + d.driverVersion(), dash(d.problem()));
        }
        table.print(System.out);
        return null;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
