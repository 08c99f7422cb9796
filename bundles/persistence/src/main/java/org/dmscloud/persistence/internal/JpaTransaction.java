package org.dmscloud.persistence.internal;

import org.dmscloud.persistence.jdbc.Jdbc;
import java.sql.Connection;

import javax.persistence.EntityManager;

import org.dmscloud.persistence.AccountDirectory;
import org.dmscloud.persistence.Accounts;
import org.dmscloud.persistence.BillingRuns;
import org.dmscloud.persistence.DailyBilling;
import org.dmscloud.persistence.IdempotentActions;
import org.dmscloud.persistence.Instances;
import org.dmscloud.persistence.Ledger;
import org.dmscloud.persistence.Quotes;
import org.dmscloud.persistence.Sessions;
import org.dmscloud.persistence.SignInFailures;
import org.dmscloud.persistence.Tokens;
import org.dmscloud.persistence.Users;
import org.dmscloud.persistence.Transaction;

/** The repositories of one transaction: JPA and plain JDBC on the same connection. */
final class JpaTransaction implements Transaction {

    private final Accounts accounts;
    private final Instances instances;
    private final Ledger ledger;
    private final Quotes quotes;
    private final IdempotentActions idempotentActions;
    private final BillingRuns billingRuns;
    private final DailyBilling dailyBilling;
    private final Users users;
    private final Tokens tokens;
    private final SignInFailures signInFailures;
    private final Sessions sessions;
    private final AccountDirectory accountDirectory;

    private final Jdbc jdbc;

    JpaTransaction(EntityManager entityManager, BatchWrites batchWrites) {
        // EclipseLink hands out the transaction's connection, acquiring it on first use.
        this.jdbc = new Jdbc(() -> entityManager.unwrap(Connection.class));
        this.accounts = new JpaAccounts(entityManager);
        this.instances = new JpaInstances(entityManager);
        this.ledger = new JdbcLedger(jdbc);
        this.quotes = new JdbcQuotes(jdbc);
        this.idempotentActions = new JdbcIdempotentActions(jdbc);
        this.billingRuns = new JdbcBillingRuns(jdbc);
        this.dailyBilling = new JdbcDailyBilling(jdbc, batchWrites);
        this.users = new JdbcUsers(jdbc);
        this.tokens = new JdbcTokens(jdbc);
        this.signInFailures = new JdbcSignInFailures(jdbc);
        this.sessions = new JdbcSessions(jdbc);
        this.accountDirectory = new JdbcAccountDirectory(jdbc);
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public AccountDirectory accountDirectory() {
        return accountDirectory;
    }

    @Override
    public Instances instances() {
        return instances;
    }

    @Override
    public Ledger ledger() {
        return ledger;
    }

    @Override
    public Quotes quotes() {
        return quotes;
    }

    @Override
    public IdempotentActions idempotentActions() {
        return idempotentActions;
    }

    @Override
    public BillingRuns billingRuns() {
        return billingRuns;
    }

    @Override
    public DailyBilling dailyBilling() {
        return dailyBilling;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Tokens tokens() {
        return tokens;
    }

    @Override
    public SignInFailures signInFailures() {
        return signInFailures;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public Connection connection() {
        return jdbc.connection();
    }
}
