package org.dmscloud.shell.internal;

import java.time.Instant;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.job.JobStatus;
import org.dmscloud.api.job.Jobs;

@Service
@Command(scope = "dms", name = "job-list", description = "The periodic jobs of every bundle on this node: when each last ran and succeeded, "
        + "its failures in a row and the last one's reason, whether it runs now and when it runs next")
public class JobListCommand implements Action {

    @Reference
    Jobs jobs;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Job");
        table.column("Bundle");
        table.column("Every");
        table.column("Last started");
        table.column("Last succeeded");
        table.column("Failures").alignRight();
        table.column("Now");
        table.column("Next");
        for (JobStatus job : jobs.list()) {
            table.addRow().addContent(job.name(), job.bundle(), job.period().toString().substring(2).toLowerCase(java.util.Locale.ROOT),
                    at(job.lastStarted()), at(job.lastSucceeded()), job.failuresInARow(),
                    job.runningSince().map(since -> "running since " + since).orElse(""), at(job.nextRun()));
        }
        table.print(System.out);
        for (JobStatus job : jobs.list()) {
            job.lastFailure().ifPresent(failure -> System.out.println(job.name() + " last failed: " + failure));
        }
        return null;
    }

    private static String at(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("-");
    }
}
