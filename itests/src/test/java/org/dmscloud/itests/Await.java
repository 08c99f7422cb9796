package org.dmscloud.itests;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Polling for what a test waits on: one loop for the tests inside the container and those that start distributions. */
final class Await {

    private Await() {
    }

    /**
     * Polls until the probe answers something that is not null, and answers it; fails after the timeout with what was
     * awaited and the probe's last exception.
     */
    static <T> T until(String what, Duration timeout, Callable<T> probe) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = probe.call();
                if (value != null) {
                    return value;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
    }

    /** {@link #until(String, Duration, Callable)} for a minute. */
    static <T> T until(String what, Callable<T> probe) {
        return until(what, Duration.ofMinutes(1), probe);
    }
}
