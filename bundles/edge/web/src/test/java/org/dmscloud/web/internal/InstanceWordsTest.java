package org.dmscloud.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.dmscloud.api.deployment.DeploymentState;
import org.dmscloud.api.deployment.DeploymentStatus;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.junit.jupiter.api.Test;

/** An instance's page says what is true of it right after an action, before its deployment has followed. */
class InstanceWordsTest {

    private static final Texts TEXTS = Texts.in(Locale.ENGLISH);

    @Test
    void rightAfterEnableOrDisableTheDeploymentIsStartingOrSuspendingNotWhatItWas() {
        assertThat(InstancePages.deploymentWords(status(DeploymentState.SUSPENDED), InstanceState.ENABLED, TEXTS)).startsWith("Starting");
        assertThat(InstancePages.deploymentWords(status(DeploymentState.RUNNING), InstanceState.DISABLED, TEXTS)).startsWith("Suspending");
        assertThat(InstancePages.deploymentWords(status(DeploymentState.RUNNING), InstanceState.ENABLED, TEXTS)).startsWith("Running");
        assertThat(InstancePages.deploymentWords(status(DeploymentState.SUSPENDED), InstanceState.DISABLED, TEXTS)).startsWith("Suspended");
        assertThat(InstancePages.deploymentWords(Optional.empty(), InstanceState.ENABLED, TEXTS)).isEqualTo("Being set up");
    }

    private static Optional<DeploymentStatus> status(DeploymentState state) {
        return Optional.of(new DeploymentStatus(InstanceId.random(), "built-in-acs", state, Optional.empty(), false, 0, Optional.empty(),
                Instant.parse("2026-12-07T10:00:00Z")));
    }
}
