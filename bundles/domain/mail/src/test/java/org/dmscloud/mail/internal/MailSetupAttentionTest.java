package org.dmscloud.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.dmscloud.persistence.testing.Configurations;
import org.junit.jupiter.api.Test;

/** What a first start lacks for its customers' mail, said to the operators before customers arrive. */
class MailSetupAttentionTest {

    @Test
    void aFirstStartIsToldEachMissingPieceWithTheSettingThatFixesIt() {
        assertThat(MailSetupAttention.sentences(Configurations.of(MailConfiguration.class, Map.of()))).containsExactly(
                "mail: no mail server (smtpHost in etc/org.dmscloud.mail.cfg): customers' mail waits in the outbox",
                "mail: no operatorAddresses in etc/org.dmscloud.mail.cfg: nobody is told of bank-transfer requests, Contact Us messages or "
                        + "security events",
                "mail: the links in mails lead to http://localhost:8181 (portalUrl in etc/org.dmscloud.mail.cfg): set the portal's public address");
    }

    @Test
    void aConfiguredPlatformNeedsNothing() {
        assertThat(MailSetupAttention.sentences(Configurations.of(MailConfiguration.class, Map.of("smtpHost", "smtp.example.com",
                "operatorAddresses", "ops@example.com", "portalUrl", "https://portal.example.com")))).isEmpty();
    }
}
