package org.dmscloud.acs.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Digest authentication of CPE devices (RFC 7616 with MD5 and {@code qop=auth}, as TR-069 devices implement
 * RFC 2617). Nonces carry their own issue time and an HMAC of it and the realm under the platform's secret, so that
 * any node verifies a nonce another node issued, and no nonce table is kept; a nonce expires after
 * {@link #NONCE_LIFETIME} (the CPE then gets {@code stale=true} and answers the new challenge without asking its
 * user). The password is never stored: only HA1 = MD5(username:realm:password), as a realm's digest needs.
 */
public final class DigestAuthentication {

    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    private static final Pattern PARAMETER = Pattern.compile("([a-zA-Z]+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] secret;

    /** @param secret the platform's nonce key, the same on every node (at least 32 bytes) */
    public DigestAuthentication(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("a nonce key has at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    /** The {@code WWW-Authenticate} header of a 401 for this realm. */
    public String challenge(String realm, Instant now, boolean stale) {
        return "Digest realm=\"" + realm + "\", qop=\"auth\", algorithm=MD5, nonce=\"" + nonce(realm, now) + "\"" + (stale ? ", stale=true" : "");
    }

    /** What an {@code Authorization} header proved. */
    public enum Outcome {
        /** The right response for the user's HA1 and a live nonce. */
        VALID,
        /** The right response, but for a nonce past its lifetime: challenge again with {@code stale=true}. */
        STALE,
        /** Anything else: no header, another scheme, another realm, user or URI, a forged nonce, a wrong response. */
        INVALID
    }

    /**
     * Checks an {@code Authorization} header.
     *
     * @param ha1 the stored MD5(username:realm:password) of the user the header names, looked up by the caller
     *            from {@link #username(String)}; empty if no such user
     */
    public Outcome verify(String header, String method, String requestUri, String realm, String username, Optional<String> ha1, Instant now) {
        Map<String, String> fields = parse(header);
        if (fields.isEmpty() || ha1.isEmpty() || !username.equals(fields.get("username")) || !realm.equals(fields.get("realm"))
                || !requestUri.equals(fields.get("uri")) || !"auth".equals(fields.get("qop")) || fields.get("nc") == null || fields.get("cnonce") == null) {
            return Outcome.INVALID;
        }
        String algorithm = fields.getOrDefault("algorithm", "MD5");
        if (!algorithm.equalsIgnoreCase("MD5")) {
            return Outcome.INVALID;
        }
        String nonce = fields.getOrDefault("nonce", "");
        Optional<Instant> issued = issuedAt(nonce, realm);
        if (issued.isEmpty()) {
            return Outcome.INVALID;
        }
        String expected = response(ha1.get(), nonce, fields.get("nc"), fields.get("cnonce"), method, requestUri);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), fields.getOrDefault("response", "").toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.INVALID;
        }
        return issued.get().plus(NONCE_LIFETIME).isBefore(now) || issued.get().isAfter(now.plusSeconds(60)) ? Outcome.STALE : Outcome.VALID;
    }

    /** The response a client computes for {@code qop=auth} (RFC 2617 3.2.2.1). */
    static String response(String ha1, String nonce, String nc, String cnonce, String method, String uri) {
        return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + md5(method + ":" + uri));
    }

    /** The user an {@code Authorization: Digest} header names, to look its HA1 up. */
    public static Optional<String> username(String header) {
        return Optional.ofNullable(parse(header).get("username"));
    }

    /** What is stored for a user instead of the password. */
    public static String ha1(String username, String realm, String password) {
        return md5(username + ":" + realm + ":" + password);
    }

    static Map<String, String> parse(String header) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7) || header.length() > 4_096) {
            return fields;
        }
        Matcher parameter = PARAMETER.matcher(header.substring(7));
        while (parameter.find()) {
            String value = parameter.group(2) != null ? parameter.group(2).replaceAll("\\\\(.)", "$1") : parameter.group(3);
            fields.putIfAbsent(parameter.group(1).toLowerCase(Locale.ROOT), value);
        }
        return fields;
    }

    /** base64url(issued seconds) "." base64url(HMAC(secret, seconds:realm)). */
    private String nonce(String realm, Instant now) {
        String seconds = Long.toString(now.getEpochSecond());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(seconds.getBytes(StandardCharsets.US_ASCII)) + "." + mac(seconds + ":" + realm);
    }

    private Optional<Instant> issuedAt(String nonce, String realm) {
        int dot = nonce.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String seconds = new String(Base64.getUrlDecoder().decode(nonce.substring(0, dot)), StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(mac(seconds + ":" + realm).getBytes(StandardCharsets.US_ASCII),
                    nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds)));
        } catch (IllegalArgumentException notANonce) {
            return Optional.empty();
        }
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String md5(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
