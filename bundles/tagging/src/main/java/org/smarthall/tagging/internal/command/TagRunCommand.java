package org.smarthall.tagging.internal.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.smarthall.api.tag.TagRun;
import org.smarthall.api.tag.TagRunRequest;
import org.smarthall.api.tag.TagRuns;

@Service
@Command(scope = "hall", name = "tag-run",
        description = "Tags the customer base with every active tag theme, as a job, and shows its progress")
public class TagRunCommand implements Action {

    @Reference
    private TagRuns runs;

    @Reference
    private Session session;

    @Option(name = "-i", aliases = "--incremental", description = "Only customers with new data since the last completed run")
    private boolean incremental;

    @Option(name = "-d", aliases = "--as-of", description = "The day the tags describe (default: today), e.g. 2026-06-30")
    private String asOf;

    @Option(name = "-n", aliases = "--no-wait", description = "Return at once instead of showing the progress")
    private boolean noWait;

    @Override
    public Object execute() throws Exception {
        Object user = session.get("USER");
        TagRun run = runs.start(new TagRunRequest(incremental ? TagRun.INCREMENTAL : TagRun.FULL,
                asOf == null ? null : LocalDate.parse(asOf)), user == null ? "shell" : user.toString());
        System.out.printf("Tagging run %d (%s, as of %s)%n", run.id(), run.mode(), run.asOf());
        if (noWait) {
            System.out.println("Watch it with hall:job-watch " + run.id());
            return null;
        }
        session.execute("hall:job-watch " + run.id());
        TagRun done = runs.find(run.id()).orElseThrow();
        System.out.printf("Themes: %s%nCounters: %s%n", String.join(", ", done.themes()), done.job().counters());
        return null;
    }
}
