package org.dmscloud.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls into plugins: whatever a plugin does, the caller gets its answer or a PluginCallException, soon. */
class PluginCallsTest {

    private final PluginCalls calls = new PluginCalls("test", Duration.ofMillis(300), 2, 8);
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        released.countDown();
        callers.shutdownNow();
        calls.close();
    }

    @Test
    void anAnswerIsPassedOn() {
        assertThat(calls.call("good", "a number", () -> 42)).isEqualTo(42);
    }

    @Test
    void anErrorIsContainedAndNamesThePlugin() {
        assertThatThrownBy(() -> calls.call("bad", "a price", () -> {
            throw new NoClassDefFoundError("org/example/Gone");
        })).isInstanceOfSatisfying(PluginCallException.class, e -> {
            assertThat(e.plugin()).isEqualTo("bad");
            assertThat(e.kind()).isEqualTo(PluginCallException.Kind.THREW);
            assertThat(e.getCause()).isInstanceOf(NoClassDefFoundError.class);
        }).hasMessageContaining("a price");
    }

    @Test
    void aCallThatHangsIsAbandonedAndItsPlaceIsKeptUntilThePluginReturns() throws Exception {
        assertThatThrownBy(() -> calls.call("slow", "a price", this::hang))
                .isInstanceOfSatisfying(PluginCallException.class, e -> assertThat(e.kind()).isEqualTo(PluginCallException.Kind.TIMED_OUT));
        assertThatThrownBy(() -> calls.call("slow", "a price", this::hang))
                .isInstanceOfSatisfying(PluginCallException.class, e -> assertThat(e.kind()).isEqualTo(PluginCallException.Kind.TIMED_OUT));

        assertThatThrownBy(() -> calls.call("slow", "a price", () -> 1)).as("both of its places are still held by the hanging calls")
                .isInstanceOfSatisfying(PluginCallException.class, e -> assertThat(e.kind()).isEqualTo(PluginCallException.Kind.BUSY));
        assertThat(calls.call("other", "a price", () -> 2)).as("another plugin has places of its own").isEqualTo(2);

        released.countDown();
        assertThat(awaitAnswer(() -> calls.call("slow", "a price", () -> 3))).as("the places come back once the plugin returns").isEqualTo(3);
    }

    @Test
    void manyCallersOfASlowPluginAreRefusedRatherThanQueued() throws Exception {
        List<Future<PluginCallException.Kind>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(callers.submit(() -> {
                try {
                    calls.call("slow", "a price", this::hang);
                    return null;
                } catch (PluginCallException e) {
                    return e.kind();
                }
            }));
        }
        List<PluginCallException.Kind> kinds = new ArrayList<>();
        for (Future<PluginCallException.Kind> outcome : outcomes) {
            kinds.add(outcome.get(10, TimeUnit.SECONDS));
        }

        assertThat(kinds).filteredOn(PluginCallException.Kind.TIMED_OUT::equals).hasSizeLessThanOrEqualTo(2);
        assertThat(kinds).filteredOn(PluginCallException.Kind.BUSY::equals).hasSizeGreaterThanOrEqualTo(18);
    }

    /** A plugin that ignores its interrupt: only the test releases it. */
    private int hang() {
        while (true) {
            try {
                if (released.await(10, TimeUnit.SECONDS)) {
                    return 0;
                }
            } catch (InterruptedException ignored) {
                // as a careless plugin does
            }
        }
    }

    private static <T> T awaitAnswer(java.util.concurrent.Callable<T> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return call.call();
            } catch (PluginCallException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                Thread.sleep(10);
            }
        }
    }
}
