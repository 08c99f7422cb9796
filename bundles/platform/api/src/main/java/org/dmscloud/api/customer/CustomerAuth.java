package org.dmscloud.api.customer;

import java.util.Optional;

import org.dmscloud.api.account.TenantId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may use the portal, at one tenant: every call names the tenant whose portal the request came to
 * (resolved from its host), and people, addresses, sessions and tokens of one tenant are unknown at
 * another's. Answers never reveal whether an address is registered: registering, resending a verification
 * and asking for a password reset look the same either way, and the mail says the rest.
 */
@ProviderType
public interface CustomerAuth {

    /**
     * Registers a person with a new account, unverified until the link mailed to them is followed. An
     * unverified address registered again gets a fresh link (and the new password); a verified one gets a
     * mail saying so, never a second account.
     *
     * @throws InvalidInputException naming each field that is not acceptable
     */
    void register(TenantId tenant, Registration registration);

    /** Mails a fresh verification link, if the address is registered and not yet verified. */
    void resendVerification(TenantId tenant, String email);

    /**
     * Verifies the address the token was mailed to and activates the account.
     *
     * @throws InvalidTokenException if the token is unknown (or another tenant's), used or expired
     */
    Customer verify(TenantId tenant, String token);

    /**
     * Signs in with a verified address.
     *
     * @param clientAddress where the attempt comes from, for rate limiting
     * @throws SignInRefusedException for a wrong address or password, an unverified address, or too many failures
     */
    Session signIn(TenantId tenant, String email, String password, String clientAddress);

    /** Ends the session; its token no longer works. */
    void signOut(String token);

    /** The customer of an active session's token, if the session is this tenant's. */
    Optional<Customer> authenticate(TenantId tenant, String token);

    /**
     * Changes the password of the session's customer, who proves it with the current one. Every other session of the
     * customer is signed out; this one stays. A wrong current password counts as a failed sign-in, with the same
     * limits.
     *
     * @param clientAddress where the attempt comes from, for rate limiting
     * @throws InvalidInputException naming {@code currentPassword} if it is wrong, {@code newPassword} if it is not acceptable
     * @throws SignInRefusedException if the session has ended, or after too many failures
     */
    void changePassword(TenantId tenant, String sessionToken, String currentPassword, String newPassword, String clientAddress);

    /** Ends every session of the session's customer, this one included (nothing happens for a session that has ended). */
    void signOutEverywhere(TenantId tenant, String sessionToken);

    /** Mails a password reset link, if the address is registered. */
    void requestPasswordReset(TenantId tenant, String email);

    /**
     * Sets a new password with the token of a reset link, and signs the customer out everywhere.
     *
     * @throws InvalidTokenException if the token is unknown (or another tenant's), used or expired
     * @throws InvalidInputException if the password is not acceptable
     */
    void resetPassword(TenantId tenant, String token, String newPassword);
}
