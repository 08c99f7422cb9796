package org.dmscloud.api.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.problem.ApiProblem;

/**
 * A package or option that is on sale but cannot be priced right now, because the plugin that prices or describes it
 * failed: it threw, gave no answer in time, or answered something no price can be made of. It is the plugin's fault,
 * not the customer's: nothing was done, and the same request may succeed later. The portal answers 503 naming the item;
 * the daily run leaves the instance unbilled and tries it again later the same day.
 */
public class PricingUnavailableException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    /** How soon a client may try again: a plugin bundle being updated is back within seconds. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private final String item;

    /** @param item the package or option id that cannot be priced */
    public PricingUnavailableException(String item, Throwable cause) {
        super("'" + item + "' cannot be priced right now. Nothing was done; please try again in a few minutes.", cause);
        this.item = item;
    }

    /** The id of the package or option that cannot be priced now. */
    public String item() {
        return item;
    }

    @Override
    public String problemType() {
        return "pricing-unavailable";
    }

    @Override
    public int problemStatus() {
        return 503;
    }

    /** A plugin's failure, logged where it failed: nothing was done, and the item is named. */
    @Override
    public Map<String, Object> problemMembers() {
        return Map.of(ITEM, item());
    }

    @Override
    public Optional<Duration> problemRetryAfter() {
        return Optional.of(Duration.ofSeconds(RETRY_AFTER_SECONDS));
    }
}
