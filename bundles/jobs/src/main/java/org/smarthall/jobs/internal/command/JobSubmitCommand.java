package org.smarthall.jobs.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobService;

@Service
@Command(scope = "hall", name = "job-submit", description = "Starts a job of a registered type, e.g. hall:job-submit import dataset=customers file=/data/c.csv")
public class JobSubmitCommand implements Action {

    @Reference
    private JobService jobs;

    @Reference
    private Session session;

    @Argument(index = 0, name = "type", description = "Job type", required = true)
    @Completion(JobTypeCompleter.class)
    private String type;

    @Argument(index = 1, name = "parameters", description = "Parameters as name=value", multiValued = true)
    private List<String> parameters;

    @Override
    public Object execute() {
        Map<String, String> params = new LinkedHashMap<>();
        if (parameters != null) {
            for (String p : parameters) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidInputException(p, "parameters are name=value");
                }
                params.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        Object user = session.get("USER");
        JobInfo job = jobs.submit(type, params, user == null ? "shell" : user.toString());
        System.out.println("Job " + job.id() + " (" + job.type() + ") " + job.state() + "; watch it with hall:job-watch " + job.id());
        return null;
    }
}
