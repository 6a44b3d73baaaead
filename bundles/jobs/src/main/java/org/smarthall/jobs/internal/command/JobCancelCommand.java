package org.smarthall.jobs.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobService;

@Service
@Command(scope = "hall", name = "job-cancel", description = "Cancels a job; the partition under way is rolled back.")
public class JobCancelCommand implements Action {

    @Reference
    private JobService jobs;

    @Argument(index = 0, name = "id", description = "Job id", required = true)
    @Completion(JobIdCompleter.class)
    private long id;

    @Override
    public Object execute() {
        JobInfo job = jobs.cancel(id);
        System.out.println("Job " + id + " (" + job.type() + "): cancel requested, now " + job.state());
        return null;
    }
}
