package org.smarthall.ingest.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.smarthall.api.hall.HallActivity;

/** Completes the ids of the halls. */
@Service
public class HallIdCompleter implements Completer {

    @Reference
    private HallActivity activity;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        activity.halls().forEach(hall -> delegate.getStrings().add(hall.id()));
        return delegate.complete(session, commandLine, candidates);
    }
}
