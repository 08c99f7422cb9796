package org.dmscloud.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dmscloud.api.health.OperatorAttention;
import org.dmscloud.api.job.JobStatus;
import org.dmscloud.api.job.Jobs;
import org.dmscloud.api.job.PeriodicJob;
import org.dmscloud.api.plugin.ByIdentity;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one job runner: every {@link PeriodicJob} service of any bundle, from when it is registered until it
 * goes, on this node. One timer thread times the runs; each run gets a thread of its own from a pool, and a job never
 * runs twice at once, so the threads are at most the jobs. Operators see every job in {@code dms:job-list}, and a job
 * that failed several times in a row or runs far too long in health's attention.
 * <p>
 * What a job says of itself (name, period, backoff, first wait) is read on a run thread too, not on the thread that
 * binds the service, and within a limit: a job that hangs saying it is refused and holds up neither the framework
 * nor the other jobs.
 */
@Component(service = { Jobs.class, OperatorAttention.class }, immediate = true, configurationPid = JobsConfiguration.PID)
@Designate(ocd = JobsConfiguration.class)
public class JobRunner implements Jobs, OperatorAttention {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final Clock clock;
    private final int failuresBeforeAttention;
    private final Duration stuckAfter;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dms-jobs-timer"));
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService runs = Executors.newCachedThreadPool(r -> daemon(r, "dms-job-" + threadNumber.incrementAndGet()));
    private final Map<ByIdentity<PeriodicJob>, ScheduledJob> jobs = new ConcurrentHashMap<>();
    /** Jobs bound whose description is being read: each with the token of its admission. */
    private final Map<ByIdentity<PeriodicJob>, Object> admissions = new ConcurrentHashMap<>();
    private final Duration admissionLimit;

    @Activate
    public JobRunner(@Reference Clock clock, JobsConfiguration configuration) {
        this(clock, configuration.failuresBeforeAttention(), Duration.ofMinutes(Math.max(1, configuration.stuckAfterMinutes())),
                Duration.ofSeconds(10));
    }

    JobRunner(Clock clock, int failuresBeforeAttention, Duration stuckAfter, Duration admissionLimit) {
        this.clock = clock;
        this.failuresBeforeAttention = Math.max(1, failuresBeforeAttention);
        this.stuckAfter = stuckAfter;
        this.admissionLimit = admissionLimit;
    }

    @Deactivate
    void deactivate() {
        jobs.values().forEach(ScheduledJob::cancel);
        timer.shutdownNow();
        runs.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addJob(ServiceReference<PeriodicJob> reference, PeriodicJob service) {
        String bundle = reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName();
        ByIdentity<PeriodicJob> job = new ByIdentity<>(service);
        Object admission = new Object();
        if (admissions.putIfAbsent(job, admission) != null || jobs.containsKey(job)) {
            LOG.error("Job {} of bundle {} is registered twice; it runs once", job.className(), bundle);
            return;
        }
        try {
            Future<?> reading = runs.submit(() -> admit(job, bundle, admission));
            timer.schedule(() -> {
                if (admissions.remove(job, admission)) {
                    reading.cancel(true);
                    LOG.error("Job {} of bundle {} is refused and will not run: it did not say what it is within {}", job.className(),
                            bundle, admissionLimit);
                }
            }, admissionLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            admissions.remove(job, admission);
        }
    }

    /** On a run thread: reads what the job says of itself and starts it, unless it was removed or timed out meanwhile. */
    private void admit(ByIdentity<PeriodicJob> job, String bundle, Object admission) {
        ScheduledJob scheduled;
        try {
            scheduled = new ScheduledJob(job.service(), bundle, clock, timer, runs);
        } catch (Throwable refused) { // a job is code this runner does not control: one that cannot say what it is never runs
            admissions.remove(job, admission);
            LOG.error("Job {} of bundle {} is refused and will not run: {}", job.className(), bundle, ScheduledJob.describe(refused));
            return;
        }
        synchronized (this) {
            if (!admissions.remove(job, admission)) {
                return;
            }
            jobs.put(job, scheduled);
        }
        scheduled.start();
    }

    void removeJob(PeriodicJob service) {
        ByIdentity<PeriodicJob> job = new ByIdentity<>(service);
        ScheduledJob scheduled;
        synchronized (this) {
            admissions.remove(job);
            scheduled = jobs.remove(job);
        }
        if (scheduled != null) {
            scheduled.cancel();
        }
    }

    @Override
    public List<JobStatus> list() {
        List<JobStatus> statuses = new ArrayList<>();
        jobs.values().forEach(job -> statuses.add(job.status()));
        statuses.sort(Comparator.comparing(JobStatus::name).thenComparing(JobStatus::bundle));
        return statuses;
    }

    /** A job that failed several runs in a row, or whose run has gone on far too long; from memory, fast. */
    @Override
    public List<String> attention() {
        Instant now = clock.instant();
        List<String> sentences = new ArrayList<>();
        for (JobStatus job : list()) {
            if (job.isStuck(now, stuckAfter)) {
                sentences.add("jobs: " + job.name() + " has been running for over " + stuckAfter.toMinutes() + " minutes; see dms:job-list");
            } else if (job.failuresInARow() >= failuresBeforeAttention) {
                sentences.add("jobs: " + job.name() + " failed " + job.failuresInARow() + " times in a row; see dms:job-list and the log");
            }
        }
        return sentences;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
