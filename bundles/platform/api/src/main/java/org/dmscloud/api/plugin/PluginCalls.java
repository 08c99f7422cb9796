package org.dmscloud.api.plugin;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls into plugin code, which the platform does not control, bounded in time and in concurrency: each call runs on a
 * thread of its own pool while the caller waits at most the timeout; a plugin bundle has at most a fixed number of
 * calls running at once, and a caller that cannot get one of them soon is refused rather than queued, so that a slow
 * plugin holds a few threads, never the server's. Anything the plugin throws, {@link Error}s included, comes back as a
 * {@link PluginCallException} naming the plugin; nothing it does escapes as anything else.
 * <p>
 * A call that timed out keeps its place among the plugin's running calls until the plugin really returns (its thread
 * is interrupted, which a plugin may ignore): the bound counts what the plugin actually holds.
 */
public final class PluginCalls implements AutoCloseable {

    /** How long a caller waits for one of a busy plugin's places before it is refused. */
    private static final long PLACE_WAIT_MILLIS = 250;

    private final String name;
    private final Duration timeout;
    private final int callsPerPlugin;
    private final ThreadPoolExecutor threads;
    private final ConcurrentHashMap<String, Semaphore> places = new ConcurrentHashMap<>();

    /**
     * @param name           what the threads are called after, e.g. "pricing"
     * @param timeout        the longest a caller waits for a plugin's answer
     * @param callsPerPlugin how many calls one plugin may have running at once
     * @param maxThreads     how many calls all plugins together may have running at once
     */
    public PluginCalls(String name, Duration timeout, int callsPerPlugin, int maxThreads) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || callsPerPlugin < 1 || maxThreads < 1) {
            throw new IllegalArgumentException("a plugin call needs a positive timeout, calls per plugin and threads");
        }
        this.callsPerPlugin = callsPerPlugin;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "dmscloud-plugin-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The longest a caller waits for a plugin's answer. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Calls the plugin and answers what it answered.
     *
     * @param plugin who is called: the plugin bundle's symbolic name, whose calls share its places
     * @param what   what is asked of it, for the failure's message and the log, e.g. "the price of 'usp'"
     * @throws PluginCallException if the plugin threw anything, did not answer within the timeout, or already had all
     *         its places taken; the caller decides what its failure means for the request or job that needed it
     */
    public <T> T call(String plugin, String what, Callable<T> call) {
        Semaphore place = places.computeIfAbsent(plugin, p -> new Semaphore(callsPerPlugin));
        try {
            if (!place.tryAcquire(PLACE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new PluginCallException(plugin, what, PluginCallException.Kind.BUSY,
                        callsPerPlugin + " calls into it are already running", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginCallException(plugin, what, PluginCallException.Kind.BUSY, "the caller was interrupted", e);
        }
        Future<T> answer;
        try {
            answer = threads.submit(() -> {
                try {
                    return call.call();
                } finally {
                    place.release();
                }
            });
        } catch (RejectedExecutionException e) {
            place.release();
            throw new PluginCallException(plugin, what, PluginCallException.Kind.BUSY, "every thread for " + name + " calls is taken", e);
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable thrown = e.getCause() == null ? e : e.getCause();
            throw new PluginCallException(plugin, what, PluginCallException.Kind.THREW, thrown.toString(), thrown);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new PluginCallException(plugin, what, PluginCallException.Kind.TIMED_OUT, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallException(plugin, what, PluginCallException.Kind.TIMED_OUT, "the caller was interrupted", e);
        }
    }

    /** Stops the threads; calls still running are interrupted. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
