package org.dmscloud.acs.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dmscloud.acs.internal.cwmp.CwmpVersion;

/**
 * The CWMP session a CPE keeps by cookie (TR-069 3.4.1): after its Inform is authenticated and taken, the ACS gives it
 * a ticket naming the instance and the device, valid for the session's few minutes; its following posts (empty, or
 * answers to the ACS's requests) carry it instead of authenticating again. The ticket is signed with the platform's
 * key, so any node of a cluster takes it and no session table is kept.
 */
public final class SessionTickets {

    public static final String COOKIE = "dms-cwmp-session";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final byte[] key;

    public SessionTickets(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a session key has at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** A session of this device at this instance, in the CWMP version its Inform spoke. */
    public record Ticket(String instanceId, String deviceId, CwmpVersion version, Instant expiresAt) {
    }

    /** The cookie's value: instance, device, CWMP version and expiry, then their signature. */
    public String issue(String instanceId, String deviceId, CwmpVersion version, Instant now) {
        if (!ID.matcher(instanceId).matches() || !ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("instance and device ids are UUIDs");
        }
        String claims = instanceId + "." + deviceId + "." + version.name() + "." + now.plus(LIFETIME).getEpochSecond();
        return claims + "." + sign(claims);
    }

    /** The session a cookie proves at this instance: signed by this platform, not expired, for this instance's address. */
    public Optional<Ticket> verify(String cookie, String instanceId, Instant now) {
        if (cookie == null || cookie.length() > 200) {
            return Optional.empty();
        }
        int signature = cookie.lastIndexOf('.');
        if (signature < 0) {
            return Optional.empty();
        }
        String claims = cookie.substring(0, signature);
        if (!MessageDigest.isEqual(sign(claims).getBytes(StandardCharsets.US_ASCII), cookie.substring(signature + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = claims.split("\\.");
        if (parts.length != 4 || !parts[0].equals(instanceId)) {
            return Optional.empty();
        }
        Instant expires;
        CwmpVersion version;
        try {
            version = CwmpVersion.valueOf(parts[2]);
            expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return expires.isAfter(now) ? Optional.of(new Ticket(parts[0], parts[1], version, expires)) : Optional.empty();
    }

    private String sign(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("cwmp-session:" + claims).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
