package org.smarthall.jobs.internal.command;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.smarthall.api.jobs.JobService;

/** Completes the ids of the newest jobs. */
@Service
public class JobIdCompleter implements Completer {

    @Reference
    private JobService jobs;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        jobs.list(Optional.empty(), 0, 50).forEach(job -> delegate.getStrings().add(String.valueOf(job.id())));
        return delegate.complete(session, commandLine, candidates);
    }
}
