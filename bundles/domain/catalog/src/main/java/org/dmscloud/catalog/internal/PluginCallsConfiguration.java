package org.dmscloud.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud plugin calls", description = "How long and how many at once the catalog waits for packages, "
        + "options and pricing plugins, and what a price may be.")
public @interface PluginCallsConfiguration {

    String PID = "org.dmscloud.plugins";

    @AttributeDefinition(description = "The longest (milliseconds) a quote, a page or the daily run waits for one plugin's answer.")
    int callTimeoutMillis() default 2000;

    @AttributeDefinition(description = "Calls one plugin bundle may have running at once; a caller finding them all taken is answered 503.")
    int callsPerPlugin() default 8;

    @AttributeDefinition(description = "Calls all plugins together may have running at once.")
    int maxThreads() default 64;

    @AttributeDefinition(description = "The most one package or option may cost a day, in whole units of the currency: a plugin answering "
            + "more is failing, not pricing.")
    long maxItemDailyRate() default 100_000;
}
