package org.dmscloud.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ByIdentityTest {

    /** A plugin's service whose equals and hashCode fail, as code the platform does not control may. */
    private static final class Hostile {
        @Override
        public boolean equals(Object other) {
            throw new StackOverflowError();
        }

        @Override
        public int hashCode() {
            throw new NoClassDefFoundError("org/example/Gone");
        }

        @Override
        public String toString() {
            throw new IllegalStateException();
        }
    }

    @Test
    void aServiceIsAKeyByItsIdentityWithoutItsEqualsOrHashCodeBeingCalled() {
        Hostile one = new Hostile();
        Hostile other = new Hostile();
        Map<ByIdentity<Hostile>, String> map = new HashMap<>();
        map.put(new ByIdentity<>(one), "one");
        map.put(new ByIdentity<>(other), "other");

        assertThat(map.get(new ByIdentity<>(one))).isEqualTo("one");
        assertThat(map.get(new ByIdentity<>(other))).isEqualTo("other");
        assertThat(new ByIdentity<>(one).toString()).startsWith(Hostile.class.getName() + "@");
    }
}
