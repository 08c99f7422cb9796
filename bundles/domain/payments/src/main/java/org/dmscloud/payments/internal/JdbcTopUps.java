package org.dmscloud.payments.internal;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.DocumentFile;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpPayment;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcTopUps implements TopUps {

    private static final String DOCUMENT_COLUMNS = "id, top_up_id, kind, document_number, file_name, content_type, created_at";

    private final Jdbc jdbc;

    JdbcTopUps(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(TopUp topUp, TenantId tenant, Optional<String> requestKey) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO top_up (id, account_id, provider_id, request_key, "
                    + "amount_minor, received_minor, currency, status, provider_reference, payment_page, instructions, customer_email, "
                    + "billing_name, billing_company, billing_address, billing_country, billing_vat_id, detail, created_at, updated_at, "
                    + "tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, topUp.id().toString());
                insert.setString(2, topUp.account().toString());
                insert.setString(3, topUp.providerId());
                insert.setString(4, requestKey.orElse(null));
                insert.setLong(5, topUp.amount().minorUnits());
                insert.setLong(6, topUp.received().minorUnits());
                insert.setString(7, topUp.amount().currencyCode());
                insert.setString(8, topUp.status().name());
                insert.setString(9, topUp.providerReference().orElse(null));
                insert.setString(10, topUp.paymentPage().map(URI::toString).orElse(null));
                insert.setString(11, topUp.instructions());
                insert.setString(12, topUp.customerEmail());
                Optional<BillingDetails> billing = topUp.billingDetails();
                insert.setString(13, billing.map(BillingDetails::name).orElse(null));
                insert.setString(14, billing.map(BillingDetails::company).orElse(null));
                insert.setString(15, billing.map(BillingDetails::address).orElse(null));
                insert.setString(16, billing.map(BillingDetails::country).orElse(null));
                insert.setString(17, billing.map(BillingDetails::vatId).orElse(null));
                insert.setString(18, topUp.detail());
                Jdbc.setInstant(insert, 19, topUp.createdAt());
                Jdbc.setInstant(insert, 20, topUp.updatedAt());
                insert.setString(21, tenant.value());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<TopUp> find(TopUpId id) {
        return one("SELECT * FROM top_up WHERE id = ?", id.toString());
    }

    @Override
    public Optional<TopUp> findOfAccount(AccountId account, TopUpId id) {
        return one("SELECT * FROM top_up WHERE id = ? AND account_id = ?", id.toString(), account.toString());
    }

    @Override
    public Optional<TopUp> lock(TopUpId id) {
        return one("SELECT * FROM top_up WHERE id = ? FOR UPDATE", id.toString());
    }

    @Override
    public Optional<TopUp> findByRequestKey(AccountId account, String requestKey) {
        return one("SELECT * FROM top_up WHERE account_id = ? AND request_key = ?", account.toString(), requestKey);
    }

    @Override
    public Optional<TopUp> findByReference(String providerId, String providerReference) {
        return one("SELECT * FROM top_up WHERE provider_id = ? AND provider_reference = ?", providerId, providerReference);
    }

    @Override
    public void update(TopUp topUp) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE top_up SET status = ?, received_minor = ?, "
                    + "provider_reference = ?, payment_page = ?, instructions = ?, detail = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, topUp.status().name());
                update.setLong(2, topUp.received().minorUnits());
                update.setString(3, topUp.providerReference().orElse(null));
                update.setString(4, topUp.paymentPage().map(URI::toString).orElse(null));
                update.setString(5, topUp.instructions());
                update.setString(6, Jdbc.fit(topUp.detail(), 1000));
                Jdbc.setInstant(update, 7, topUp.updatedAt());
                update.setString(8, topUp.id().toString());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void markChecked(TopUpId id, Instant at) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE top_up SET checked_at = ? WHERE id = ?")) {
                Jdbc.setInstant(update, 1, at);
                update.setString(2, id.toString());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<TopUp> list(Optional<TopUpStatus> status, Optional<TenantId> tenant, Optional<AccountId> account, int limit) {
        String statusName = status.map(Enum::name).orElse(null);
        String tenantId = tenant.map(TenantId::value).orElse(null);
        String accountId = account.map(AccountId::toString).orElse(null);
        return many("SELECT * FROM top_up WHERE (? IS NULL OR status = ?) "
                + "AND (? IS NULL OR tenant_id = ?) AND (? IS NULL OR account_id = ?) "
                + "ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY", statusName, statusName, tenantId, tenantId, accountId,
                accountId);
    }

    @Override
    public List<TopUp> dueForCheck(Instant before, Set<String> checkableProviders, int limit) {
        List<String> providers = List.copyOf(checkableProviders);
        String waiting = providers.isEmpty() ? ""
                : " OR (status IN ('PENDING', 'PARTIALLY_PAID') AND provider_id IN (" + String.join(", ", Collections.nCopies(providers.size(), "?")) + "))";
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM top_up WHERE (status = 'STARTING'" + waiting + ")"
                    + " AND created_at < ? AND (checked_at IS NULL OR checked_at < ?) ORDER BY checked_at NULLS FIRST, created_at "
                    + "FETCH FIRST ? ROWS ONLY")) {
                int index = 1;
                for (String provider : providers) {
                    select.setString(index++, provider);
                }
                Jdbc.setInstant(select, index++, before);
                Jdbc.setInstant(select, index++, before);
                select.setInt(index, limit);
                return readAll(select);
            }
        });
    }

    @Override
    public Optional<TopUpPayment> findPayment(String paymentKey) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM top_up_payment WHERE payment_key = ?")) {
                select.setString(1, paymentKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(readPayment(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public TopUpPayment addPayment(TopUpId topUp, String paymentKey, Money amount, String recordedBy, String detail, long ledgerEntryId,
            Instant receivedAt) {
        long id = jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO top_up_payment (top_up_id, payment_key, amount_minor, "
                    + "currency, recorded_by, detail, ledger_entry_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
                insert.setString(1, topUp.toString());
                insert.setString(2, paymentKey);
                insert.setLong(3, amount.minorUnits());
                insert.setString(4, amount.currencyCode());
                insert.setString(5, Jdbc.fit(recordedBy, 200));
                insert.setString(6, Jdbc.fit(detail, 1000));
                insert.setLong(7, ledgerEntryId);
                Jdbc.setInstant(insert, 8, receivedAt);
                insert.executeUpdate();
                return Jdbc.generatedId(insert);
            }
        });
        return new TopUpPayment(id, topUp, paymentKey, amount, Jdbc.fit(recordedBy, 200), Jdbc.fit(detail, 1000), ledgerEntryId, receivedAt);
    }

    @Override
    public List<TopUpPayment> payments(TopUpId topUp) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM top_up_payment WHERE top_up_id = ? ORDER BY id")) {
                select.setString(1, topUp.toString());
                List<TopUpPayment> payments = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        payments.add(readPayment(rows));
                    }
                }
                return payments;
            }
        });
    }

    @Override
    public TopUpDocument addDocument(TopUpId topUp, String kind, String number, String fileName, String contentType, byte[] content,
            Instant createdAt) {
        long id = jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO top_up_document (top_up_id, kind, document_number, "
                    + "file_name, content_type, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
                insert.setString(1, topUp.toString());
                insert.setString(2, kind);
                insert.setString(3, number);
                insert.setString(4, fileName);
                insert.setString(5, contentType);
                insert.setBytes(6, content);
                Jdbc.setInstant(insert, 7, createdAt);
                insert.executeUpdate();
                return Jdbc.generatedId(insert);
            }
        });
        return new TopUpDocument(id, topUp, kind, number, fileName, contentType, createdAt);
    }

    @Override
    public List<TopUpDocument> documents(TopUpId topUp) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + DOCUMENT_COLUMNS
                    + " FROM top_up_document WHERE top_up_id = ? ORDER BY id")) {
                select.setString(1, topUp.toString());
                List<TopUpDocument> documents = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        documents.add(readDocument(rows));
                    }
                }
                return documents;
            }
        });
    }

    @Override
    public Optional<DocumentFile> document(TopUpId topUp, String number) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + DOCUMENT_COLUMNS
                    + ", content FROM top_up_document WHERE top_up_id = ? AND document_number = ?")) {
                select.setString(1, topUp.toString());
                select.setString(2, number);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new DocumentFile(readDocument(row), row.getBytes("content"))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public long nextNumber(String series) {
        return jdbc.call(connection -> {
            // The series row stays locked until the transaction ends: numbers are taken one at a time, and a
            // rolled-back transaction gives its number back, so there are no gaps.
            try (PreparedStatement update = connection.prepareStatement("UPDATE document_series SET last_number = last_number + 1 WHERE series = ?")) {
                update.setString(1, series);
                if (update.executeUpdate() == 0) {
                    boolean created = Jdbc.unlessDuplicate(connection, () -> {
                        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO document_series (series, last_number) VALUES (?, 1)")) {
                            insert.setString(1, series);
                            insert.executeUpdate();
                        }
                    });
                    if (!created) {
                        // Another transaction created the series meanwhile: take the next number after its own.
                        update.executeUpdate();
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT last_number FROM document_series WHERE series = ?")) {
                select.setString(1, series);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private Optional<TopUp> one(String sql, String... parameters) {
        List<TopUp> found = many(sql, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<TopUp> many(String sql, String... parameters) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setString(i + 1, parameters[i]);
                }
                return readAll(select);
            }
        });
    }

    private static List<TopUp> readAll(PreparedStatement select) throws SQLException {
        List<TopUp> topUps = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                topUps.add(read(rows));
            }
        }
        return topUps;
    }

    private static TopUp read(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        String billingName = row.getString("billing_name");
        Optional<BillingDetails> billing = billingName == null ? Optional.empty()
                : Optional.of(new BillingDetails(billingName, row.getString("billing_company"), row.getString("billing_address"),
                        row.getString("billing_country"), row.getString("billing_vat_id")));
        return new TopUp(TopUpId.parse(row.getString("id")), AccountId.parse(row.getString("account_id")), row.getString("provider_id"),
                Money.ofMinor(row.getLong("amount_minor"), currency), Money.ofMinor(row.getLong("received_minor"), currency),
                TopUpStatus.valueOf(row.getString("status")), Optional.ofNullable(row.getString("provider_reference")),
                Optional.ofNullable(row.getString("payment_page")).map(URI::create), row.getString("instructions"), billing,
                row.getString("customer_email"), row.getString("detail"), Jdbc.getInstant(row, "created_at"),
                Jdbc.getInstant(row, "updated_at"));
    }

    private static TopUpPayment readPayment(ResultSet row) throws SQLException {
        return new TopUpPayment(row.getLong("id"), TopUpId.parse(row.getString("top_up_id")), row.getString("payment_key"),
                Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")), row.getString("recorded_by"), row.getString("detail"),
                row.getLong("ledger_entry_id"), Jdbc.getInstant(row, "received_at"));
    }

    private static TopUpDocument readDocument(ResultSet row) throws SQLException {
        return new TopUpDocument(row.getLong("id"), TopUpId.parse(row.getString("top_up_id")), row.getString("kind"),
                row.getString("document_number"), row.getString("file_name"), row.getString("content_type"), Jdbc.getInstant(row, "created_at"));
    }
}
