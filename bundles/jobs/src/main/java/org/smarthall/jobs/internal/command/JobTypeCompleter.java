package org.smarthall.jobs.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.smarthall.api.jobs.JobService;

/** Completes the job types whose handler is registered. */
@Service
public class JobTypeCompleter implements Completer {

    @Reference
    private JobService jobs;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(jobs.types()).complete(session, commandLine, candidates);
    }
}
