package org.dmscloud.mail.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;

/**
 * What customer mail says, in the brand of the customer's tenant: its name, its portal (where every link
 * points) and its support address. Plain text: every client shows it, and nothing in it can run.
 */
final class MailTexts {

    private final Brand brand;
    private final String portalUrl;

    MailTexts(Brand brand) {
        this.brand = brand;
        String url = brand.portalUrl();
        this.portalUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    record Text(String kind, String subject, String body) {
    }

    Text verifyAddress(String name, String token) {
        return new Text("verify-address", "Confirm your email address for " + brand.name(), "Hello " + name + ",\n\n"
                + "please confirm your email address to finish your registration with " + brand.name() + ":\n\n"
                + portalUrl + "/verify?token=" + encode(token) + "\n\n"
                + "The link works once and for 48 hours. If no link came through or it expired, simply register again with\n"
                + "the same address: you will get a fresh one.\n\n"
                + "If you did not register, ignore this mail; nothing happens without the link.\n\n" + signature());
    }

    Text alreadyRegistered() {
        return new Text("already-registered", "You already have a " + brand.name() + " account", "Hello,\n\n"
                + "someone, probably you, tried to register with " + brand.name() + " using this email address, which already has an\n"
                + "account. Sign in at " + portalUrl + "/sign-in instead. If you forgot your password, you can set a new one:\n\n"
                + portalUrl + "/password-reset\n\n"
                + "If it was not you, ignore this mail; your account is unchanged.\n\n" + signature());
    }

    Text resetPassword(String name, String token) {
        return new Text("reset-password", "Set a new password for " + brand.name(), "Hello " + name + ",\n\n"
                + "to set a new password, open this link within the hour:\n\n"
                + portalUrl + "/password-reset?token=" + encode(token) + "\n\n"
                + "It works once. Setting a new password signs you out everywhere.\n"
                + "If you did not ask for this, ignore this mail; your password is unchanged.\n\n" + signature());
    }

    Text instanceDisabled(String instanceName, Money needed, Money balance) {
        return new Text("instance-disabled", "Your " + brand.name() + " instance '" + instanceName + "' was disabled", "Hello,\n\n"
                + "today's charge for your instance '" + instanceName + "' is " + needed + ", but your balance is " + balance + ".\n"
                + "The instance has been disabled and no longer accepts CPE devices; your balance was not charged.\n\n"
                + "Top up your balance and enable the instance again: it is charged from that moment to midnight UTC only.\n\n"
                + signature());
    }

    Text topUpCredited(Money amount, Money balance) {
        return new Text("top-up-credited", "We received your payment of " + amount, "Hello,\n\n"
                + amount + " has been credited to your " + brand.name() + " balance, which is now " + balance + ".\n\n"
                + "Thank you.\n\n" + signature());
    }

    private String signature() {
        String support = brand.supportAddress().isBlank() ? "" : "Questions? Write to " + brand.supportAddress() + "\n";
        return "-- \n" + brand.name() + "\n" + portalUrl + "\n" + support;
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
