package org.smarthall.jobs.internal.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobService;

@Service
@Command(scope = "hall", name = "job-watch",
        description = "Shows a job's progress bar live until the job ends. Ctrl-C stops watching, not the job.")
public class JobWatchCommand implements Action {

    @Reference
    private JobService jobs;

    @Argument(index = 0, name = "id", description = "Job id", required = true)
    @Completion(JobIdCompleter.class)
    private long id;

    @Option(name = "-i", aliases = "--interval", description = "Refresh interval in milliseconds")
    private long interval = 500;

    @Override
    public Object execute() {
        PrintStream out = System.out;
        JobInfo job = find();
        try {
            while (true) {
                out.print("\r" + ProgressText.line(job, 30) + "   ");
                out.flush();
                if (job.state().terminal()) {
                    break;
                }
                Thread.sleep(Math.max(100, interval));
                job = find();
            }
        } catch (InterruptedException e) {
            out.println();
            out.println("Stopped watching; job " + id + " goes on.");
            return null;
        }
        out.println();
        job.counters().forEach((name, value) -> out.printf("  %-24s %,d%n", name, value));
        if (job.message() != null) {
            out.println("  " + job.message());
        }
        return null;
    }

    private JobInfo find() {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("job", id));
    }
}
