package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.Response;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What a careless client's JSON gets back: a 400 naming the field, never a value it did not mean, never a 500. */
class ProblemMapperTest {

    private static final ObjectMapper JSON = JsonProvider.objectMapper();
    private static final String VALID = "{\"name\":\"x\",\"packageId\":\"starter\",\"expectedDevices\":100,\"enabled\":true}";

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void valuesOfAnotherJsonTypeAreRefusedNotCoerced() {
        assertRefused(VALID.replace("\"enabled\":true", "\"enabled\":123"), "enabled", "Send true or false here.");
        assertRefused(VALID.replace("\"enabled\":true", "\"enabled\":\"true\""), "enabled", "Send true or false here.");
        assertRefused(VALID.replace("\"name\":\"x\"", "\"name\":123"), "name", "Send text (a JSON string) here.");
        assertRefused(VALID.replace("100", "\"100\""), "expectedDevices", "Send a whole number (a JSON number without a fraction) here.");
        assertRefused(VALID.replace("100", "100.0"), "expectedDevices", "Send a whole number (a JSON number without a fraction) here.");
        assertRefused(VALID.replace("\"enabled\"", "\"optionIds\":\"usp\",\"enabled\""), "optionIds", "Send a list (a JSON array) here.");
        assertRefused(VALID.replace("\"enabled\"", "\"optionIds\":[7],\"enabled\""), "optionIds[0]", "Send text (a JSON string) here.");
    }

    @Test
    void aFieldGivenTwiceIsRefusedNotLastWins() {
        assertRefused(VALID.replace("\"enabled\":true", "\"enabled\":false,\"enabled\":true"), "enabled", "This field is given more than once.");
    }

    @Test
    void numbersOutOfRangeAndTrailingGarbageAreRefused() {
        assertRefused(VALID.replace("100", "99999999999999999999999"), "expectedDevices", "This number is out of range.");
        Problem trailing = problemFor(VALID + " {}");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.detail()).isEqualTo("The body is not valid JSON.");
    }

    @Test
    void aGeneralJdkExceptionIsOurFaultA500WithAnIncidentNeverTheClients() {
        Response response = mapper.toResponse(new IllegalArgumentException("internal detail: shard 3 of 2"));

        assertThat(response.getStatus()).isEqualTo(500);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.detail()).contains("incident").doesNotContain("shard");
    }

    @Test
    void anUnavailableDatabaseIsA503ToTryAgainNotAnIncident() {
        Response response = mapper.toResponse(new org.dmscloud.api.health.UnavailableException("Connection refused to 10.0.0.5:5432", null));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type().toString()).endsWith("/unavailable");
        assertThat(problem.detail()).contains("try again").doesNotContain("5432");
    }

    @Test
    void aPluginThatCannotPriceIsA503NamingTheItemNotTheCustomersErrorNorAnIncident() {
        Response response = mapper.toResponse(new org.dmscloud.api.catalog.PricingUnavailableException("usp",
                new NoClassDefFoundError("org/example/Tariff")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type().toString()).endsWith("/pricing-unavailable");
        assertThat(problem.item()).isEqualTo("usp");
        assertThat(problem.detail()).contains("'usp' cannot be priced right now").doesNotContain("Tariff");
    }

    @Test
    void aClientThatWentAwayIsNoIncident() {
        assertThat(ProblemMapper.clientWentAway(new RuntimeException(new org.eclipse.jetty.io.EofException(new IOException("Broken pipe"))))).isTrue();
        assertThat(ProblemMapper.clientWentAway(new org.eclipse.jetty.io.EofException("Early EOF"))).isTrue();
        assertThat(ProblemMapper.clientWentAway(new IOException("disk full"))).isFalse();
        assertThat(mapper.toResponse(new org.eclipse.jetty.io.EofException()).getStatus()).isEqualTo(ProblemMapper.CLIENT_CLOSED_REQUEST);
    }

    @Test
    void aBundlesOwnExceptionMapsItselfWithItsMembersAndRetryAfter() {
        Response response = mapper.toResponse(new RolloutPaused());

        assertThat(response.getStatus()).isEqualTo(423);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type().toString()).endsWith("/rollout-paused");
        assertThat(problem.title()).isEqualTo("Client Error");
        assertThat(problem.detail()).isEqualTo("The rollout is paused while its first wave is checked.");
        assertThat(problem.item()).isEqualTo("firmware");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("wave", "Wait for wave 1."));
        assertThat(problem.toJson()).contains("\"wave\":1", "\"item\":\"firmware\"").doesNotContain("extensions");
    }

    @Test
    void anExceptionThatSaysNonsenseAboutItselfIsAnIncident() {
        for (ApiProblem nonsense : new ApiProblem[] { new RolloutPaused(200, "rollout-paused"), new RolloutPaused(423, "../../admin"),
                new RolloutPaused(423, null) }) {
            Response response = mapper.toResponse((Throwable) nonsense);
            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(((Problem) response.getEntity()).detail()).contains("incident");
        }
    }

    @Test
    void anExceptionThatThrowsAnErrorWhileSayingWhatItIsIsAnIncident() {
        ApiProblem[] broken = { new RolloutPaused() {
            private static final long serialVersionUID = 1L;

            @Override
            public String problemType() {
                throw new NoClassDefFoundError("org/example/Gone");
            }
        }, new RolloutPaused() {
            private static final long serialVersionUID = 1L;

            @Override
            public Map<String, Object> problemMembers() {
                return Map.of("wave", new Object() {
                    @Override
                    public String toString() {
                        throw new StackOverflowError();
                    }
                });
            }
        } };
        for (ApiProblem problem : broken) {
            Response response = mapper.toResponse((Throwable) problem);
            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(((Problem) response.getEntity()).detail()).contains("incident");
        }
    }

    @Test
    void anExceptionIsAskedWhatItIsOnceSoThatItCannotSayAValidStatusThenAnother() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        RolloutPaused fickle = new RolloutPaused() {
            private static final long serialVersionUID = 1L;

            @Override
            public int problemStatus() {
                return asked.getAndIncrement() == 0 ? 423 : 200;
            }
        };
        Response response = mapper.toResponse(fickle);
        assertThat(response.getStatus()).isEqualTo(423);
        assertThat(asked.get()).isEqualTo(1);
    }

    @Test
    void insufficientFundsCarriesBothAmounts() {
        Money needed = Money.of("12.50", "EUR");
        Response response = mapper.toResponse(new org.dmscloud.api.billing.InsufficientFundsException(needed, Money.of("2.00", "EUR")));

        assertThat(response.getStatus()).isEqualTo(402);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.needed()).isEqualTo(MoneyView.of(needed));
        assertThat(problem.balance()).isEqualTo(MoneyView.of(Money.of("2.00", "EUR")));
    }

    /** An exception of a bundle this mapper has never heard of, as the capabilities to come will have. */
    private static class RolloutPaused extends RuntimeException implements ApiProblem {

        private static final long serialVersionUID = 1L;
        private final int status;
        private final String type;

        RolloutPaused() {
            this(423, "rollout-paused");
        }

        RolloutPaused(int status, String type) {
            super("The rollout is paused while its first wave is checked.");
            this.status = status;
            this.type = type;
        }

        @Override
        public String problemType() {
            return type;
        }

        @Override
        public int problemStatus() {
            return status;
        }

        @Override
        public Map<String, Object> problemMembers() {
            return Map.of(ITEM, "firmware", FIELD_ERRORS, Map.of("wave", "Wait for wave 1."), "wave", 1);
        }

        @Override
        public Optional<Duration> problemRetryAfter() {
            return Optional.of(Duration.ofSeconds(60));
        }
    }

    private void assertRefused(String json, String field, String message) {
        Problem problem = problemFor(json);
        assertThat(problem.status()).as(json).isEqualTo(400);
        assertThat(problem.errors()).as(json).containsExactly(new Problem.FieldError(field, message));
    }

    private Problem problemFor(String json) {
        try {
            Requests.CreateInstance read = JSON.readValue(json, Requests.CreateInstance.class);
            throw new AssertionError("read " + read + " from " + json);
        } catch (IOException e) {
            return (Problem) mapper.toResponse(e).getEntity();
        }
    }

}
