package org.dmscloud.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.dmscloud.api.job.Backoff;
import org.dmscloud.api.job.JobStatus;
import org.dmscloud.api.job.PeriodicJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** The runner with real threads and jobs of a few milliseconds: what a job throws, hangs or says cannot stop the others. */
class JobRunnerTest {

    private static final Duration SOON = Duration.ofMillis(5);

    private final JobRunner runner = new JobRunner(Clock.systemUTC(), 3, Duration.ofMillis(200), Duration.ofMillis(300));

    @AfterEach
    void stop() {
        runner.deactivate();
    }

    @Test
    void aJobThatThrowsAnErrorRunsAgainIsCountedAndOperatorsHearOfItUntilItSucceeds() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean();
        runner.addJob(reference("org.example.flaky"), job("flaky", () -> {
            if (!healthy.get()) {
                throw new OutOfMemoryError("plugin ate the heap");
            }
        }));

        await(() -> status("flaky").failuresInARow() >= 3);
        assertThat(status("flaky").lastFailure()).hasValueSatisfying(failure -> assertThat(failure).contains("OutOfMemoryError"));
        assertThat(runner.attention()).anySatisfy(sentence -> assertThat(sentence).contains("flaky failed").contains("dms:job-list"));

        healthy.set(true);
        await(() -> status("flaky").lastSucceeded().isPresent());
        assertThat(status("flaky").bundle()).isEqualTo("org.example.flaky");
        await(() -> status("flaky").failuresInARow() == 0);
        assertThat(runner.attention()).isEmpty();
    }

    @Test
    void aJobWhoseFailureCannotEvenSayWhatItIsRunsAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        runner.addJob(reference("org.example.mute-failure"), job("mute-failure", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String toString() {
                    throw new StackOverflowError();
                }

                @Override
                public String getMessage() {
                    throw new StackOverflowError();
                }
            };
        }));

        await(() -> runs.get() >= 3);
        assertThat(status("mute-failure").failuresInARow()).isGreaterThanOrEqualTo(2);
        assertThat(status("mute-failure").lastFailure()).hasValueSatisfying(failure -> assertThat(failure).contains("JobRunnerTest"));
    }

    @Test
    void aJobNeverRunsTwiceAtOnceHoweverShortItsPeriod() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        runner.addJob(reference("org.example.slow"), job("slow", () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            running.decrementAndGet();
            runs.incrementAndGet();
        }));

        await(() -> runs.get() >= 5);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aJobThatHangsHoldsUpOnlyItselfAndIsShownAsStuck() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger otherRuns = new AtomicInteger();
        runner.addJob(reference("org.example.hangs"), job("hangs", never::await));
        runner.addJob(reference("org.example.other"), job("other", otherRuns::incrementAndGet));

        await(() -> otherRuns.get() >= 10);
        await(() -> runner.attention().stream().anyMatch(sentence -> sentence.contains("hangs has been running")));
        assertThat(status("hangs").runningSince()).isPresent();
        never.countDown();
    }

    @Test
    void aJobThatCannotSayWhatItIsIsRefusedAndTheOthersRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        runner.addJob(reference("org.example.nonsense"), new PeriodicJob() {
            @Override
            public String name() {
                return "nonsense";
            }

            @Override
            public Duration period() {
                return Duration.ZERO;
            }

            @Override
            public void run() {
                runs.incrementAndGet();
            }
        });
        runner.addJob(reference("org.example.throwing"), (PeriodicJob) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { PeriodicJob.class }, (proxy, method, args) -> {
                    throw new NoClassDefFoundError("org/example/Gone");
                }));
        AtomicInteger good = new AtomicInteger();
        runner.addJob(reference("org.example.good"), job("good", good::incrementAndGet));

        await(() -> good.get() >= 3);
        assertThat(runs.get()).isZero();
        assertThat(runner.list()).extracting(JobStatus::name).containsExactly("good");
    }

    @Test
    void aJobThatHangsSayingWhatItIsHoldsUpNeitherTheBindingThreadNorTheOthersAndIsRefused() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger hungRuns = new AtomicInteger();
        long before = System.nanoTime();
        runner.addJob(reference("org.example.mute"), new PeriodicJob() {
            @Override
            public String name() {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "mute";
            }

            @Override
            public Duration period() {
                return SOON;
            }

            @Override
            public void run() {
                hungRuns.incrementAndGet();
            }
        });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the binding thread is back at once").isLessThan(Duration.ofMillis(200));
        AtomicInteger good = new AtomicInteger();
        runner.addJob(reference("org.example.good"), job("good", good::incrementAndGet));

        await(() -> good.get() >= 3);
        Thread.sleep(400); // past the limit of 300 ms: the mute job's reading is given up
        never.countDown();
        Thread.sleep(50);
        assertThat(hungRuns.get()).isZero();
        assertThat(runner.list()).extracting(JobStatus::name).containsExactly("good");
    }

    @Test
    void aRemovedJobRunsNoMore() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJob job = job("removed", runs::incrementAndGet);
        runner.addJob(reference("org.example.removed"), job);
        await(() -> runs.get() >= 2);

        runner.removeJob(job);
        int after = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).isLessThanOrEqualTo(after + 1);
        assertThat(runner.list()).isEmpty();
    }

    @Test
    void theBackoffDoublesFromItsFirstWaitUpToItsLongest() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(Long.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    private JobStatus status(String name) {
        return runner.list().stream().filter(job -> job.name().equals(name)).findFirst().orElseThrow();
    }

    interface Work {
        void run() throws Exception;
    }

    private static PeriodicJob job(String name, Work work) {
        return new PeriodicJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration period() {
                return SOON;
            }

            @Override
            public Backoff backoff() {
                return new Backoff(SOON, SOON.multipliedBy(4));
            }

            @Override
            public void run() throws Exception {
                work.run();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<PeriodicJob> reference(String bundleName) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(JobRunnerTest.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> method.getName().equals("getSymbolicName") ? bundleName : null);
        return (ServiceReference<PeriodicJob>) Proxy.newProxyInstance(JobRunnerTest.class.getClassLoader(), new Class<?>[] { ServiceReference.class },
                (proxy, method, args) -> method.getName().equals("getBundle") ? bundle : null);
    }

    /** Polls the condition; a job not listed yet (the runner admits it on a thread of its own) is a condition not met yet. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!holds(condition)) {
            assertThat(System.nanoTime() - deadline).as("the condition within 10 s").isNegative();
            Thread.sleep(5);
        }
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (java.util.NoSuchElementException notListedYet) {
            return false;
        }
    }
}
