package org.smarthall.tagging.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.tag.CustomerTag;
import org.smarthall.api.tag.TagCount;
import org.smarthall.api.tag.TagResults;

@Service
@Command(scope = "hall", name = "tags",
        description = "A customer's tags (hall:tags ACCOUNT), or how customers are spread over a theme (hall:tags -d fee-risk)")
public class TagsCommand implements Action {

    @Reference
    private TagResults tags;

    @Argument(index = 0, name = "account", description = "Account number of the customer")
    private String account;

    @Option(name = "-d", aliases = "--distribution", description = "Show the distribution of this theme instead")
    private String theme;

    @Override
    public Object execute() {
        if (theme != null) {
            List<TagCount> counts = tags.distribution(theme);
            if (counts.isEmpty()) {
                System.out.println("No completed tagging run has tagged with " + theme);
                return null;
            }
            long total = counts.stream().filter(c -> c.dimension().equals(counts.get(0).dimension()))
                    .mapToLong(TagCount::customers).sum();
            ShellTable table = new ShellTable();
            table.column("Dimension");
            table.column("Value");
            table.column("Version");
            table.column("Customers").alignRight();
            table.column("Share").alignRight();
            for (TagCount c : counts) {
                table.addRow().addContent(c.dimension(), c.value(), c.themeVersion(), String.format("%,d", c.customers()),
                        total == 0 ? "" : String.format("%.1f%%", 100.0 * c.customers() / total));
            }
            table.print(System.out);
            return null;
        }
        if (account == null) {
            System.err.println("Give an account, or -d THEME for a distribution");
            return null;
        }
        List<CustomerTag> list = tags.of(account);
        if (list.isEmpty()) {
            System.out.println("No tags for " + account + " (not tagged yet, or no such customer)");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Theme");
        table.column("Dimension");
        table.column("Value");
        table.column("Score").alignRight();
        table.column("Version");
        table.column("Reason").maxSize(90).wrap();
        for (CustomerTag t : list) {
            table.addRow().addContent(t.theme(), t.dimension(), t.value(), String.format("%.1f", t.score()),
                    t.themeVersion(), t.reason());
        }
        table.print(System.out);
        System.out.printf("Run %d, %s%n", list.get(0).runId(), list.get(0).taggedAt());
        return null;
    }
}
