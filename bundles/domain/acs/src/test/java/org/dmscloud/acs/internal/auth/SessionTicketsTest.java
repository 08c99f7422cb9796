package org.dmscloud.acs.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.dmscloud.acs.internal.cwmp.CwmpVersion;
import org.junit.jupiter.api.Test;

/** A CPE's CWMP session by cookie: taken by any node, for its instance only, for a few minutes, never forged. */
class SessionTicketsTest {

    private static final byte[] KEY = "a platform secret of at least 32 bytes!!".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String INSTANCE = UUID.randomUUID().toString();
    private static final String DEVICE = UUID.randomUUID().toString();

    private final SessionTickets tickets = new SessionTickets(KEY);

    @Test
    void aTicketIsTakenByAnyNodeUntilItExpires() {
        String cookie = tickets.issue(INSTANCE, DEVICE, CwmpVersion.V1_2, NOW);

        assertThat(new SessionTickets(KEY).verify(cookie, INSTANCE, NOW.plusSeconds(60)))
                .hasValueSatisfying(ticket -> assertThat(ticket).extracting(SessionTickets.Ticket::deviceId, SessionTickets.Ticket::version)
                        .containsExactly(DEVICE, CwmpVersion.V1_2));
        assertThat(tickets.verify(cookie, INSTANCE, NOW.plus(Duration.ofMinutes(6)))).isEmpty();
    }

    @Test
    void aTicketIsForItsInstanceOnlyAndCannotBeForged() {
        String cookie = tickets.issue(INSTANCE, DEVICE, CwmpVersion.V1_2, NOW);
        String otherInstance = UUID.randomUUID().toString();

        assertThat(tickets.verify(cookie, otherInstance, NOW)).as("at another instance's address").isEmpty();
        String[] parts = cookie.split("\\.");
        String longer = parts[0] + "." + parts[1] + "." + parts[2] + "." + (Long.parseLong(parts[3]) + 86_400) + "." + parts[4];
        assertThat(tickets.verify(longer, INSTANCE, NOW)).as("its expiry moved").isEmpty();
        String moved = otherInstance + "." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4];
        assertThat(tickets.verify(moved, otherInstance, NOW)).as("moved to another instance").isEmpty();
        assertThat(new SessionTickets("another platform's key, of 32 bytes or more".getBytes(StandardCharsets.US_ASCII)).verify(cookie, INSTANCE, NOW))
                .isEmpty();
        for (String junk : new String[] { null, "", ".", "a.b.c.d", "a.b.c.d.e", "x".repeat(500) }) {
            assertThat(tickets.verify(junk, INSTANCE, NOW)).as(junk).isEmpty();
        }
    }
}
