package org.dmscloud.events.internal;

import java.sql.SQLException;
import java.util.List;

import org.dmscloud.events.InstanceJournal;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.spi.instance.InstanceEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The journal in the platform database, written through the caller's transaction. */
@Component(service = InstanceJournal.class)
public class JdbcInstanceJournal implements InstanceJournal {

    private final Store store;

    /** The schema is referenced so that the journal (and so billing) starts only once this bundle's tables are there. */
    @Activate
    public JdbcInstanceJournal(@Reference Store store, @Reference(target = EventTables.SCHEMA_FILTER) Schema tables) {
        this.store = store;
    }

    JdbcInstanceJournal(Store store) {
        this.store = store;
    }

    @Override
    public void record(List<InstanceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        store.inTransaction(tx -> {
            try {
                EventRows.insert(tx.connection(), events);
            } catch (SQLException e) {
                throw new IllegalStateException("The instance events could not be recorded: " + e.getMessage(), e);
            }
            return null;
        });
    }
}
