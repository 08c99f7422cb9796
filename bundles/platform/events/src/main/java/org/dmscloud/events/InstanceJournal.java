package org.dmscloud.events;

import java.util.List;

import org.dmscloud.spi.instance.InstanceEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where instance events are written. Written in the transaction of the change they report, they exist
 * exactly when it commits: a change rolled back leaves no event, and no listener hears of it.
 */
@ProviderType
public interface InstanceJournal {

    /**
     * Records the events, in this order, in the store transaction running on this thread (it joins it; with
     * none running it is a transaction of its own). The events' ids are given here: the ones they carry are
     * ignored.
     */
    void record(List<InstanceEvent> events);
}
