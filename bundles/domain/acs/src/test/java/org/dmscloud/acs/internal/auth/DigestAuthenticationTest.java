package org.dmscloud.acs.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dmscloud.acs.internal.auth.DigestAuthentication.Outcome;
import org.junit.jupiter.api.Test;

/** CPE devices proving their instance's credentials with HTTP Digest, as routers compute it. */
class DigestAuthenticationTest {

    private static final byte[] SECRET = "a platform secret of at least 32 bytes!!".getBytes(StandardCharsets.US_ASCII);
    private static final String REALM = "DMS Cloud ACS 3f1c";
    private static final String URI = "/cwmp/3f1c";
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String HA1 = DigestAuthentication.ha1("cpe-3f1c", REALM, "s3cret-cpe-password");

    private final DigestAuthentication digest = new DigestAuthentication(SECRET);

    /** RFC 2617, 3.5: the worked example's HA1 and response. */
    @Test
    void theRfcExampleIsComputedAsTheRfcSays() {
        String ha1 = DigestAuthentication.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");

        assertThat(ha1).isEqualTo("939e7578ed9e3c518a452acee763bce9");
        assertThat(DigestAuthentication.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "GET", "/dir/index.html"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void aDeviceAnsweringTheChallengeWithItsPasswordIsAcceptedOnAnyNode() {
        String header = answer(digest.challenge(REALM, NOW, false), "cpe-3f1c", "s3cret-cpe-password", "POST", URI);

        assertThat(digest.verify(header, "POST", URI, REALM, "cpe-3f1c", Optional.of(HA1), NOW.plusSeconds(30))).isEqualTo(Outcome.VALID);
        assertThat(new DigestAuthentication(SECRET).verify(header, "POST", URI, REALM, "cpe-3f1c", Optional.of(HA1), NOW.plusSeconds(30)))
                .as("another node, the same secret").isEqualTo(Outcome.VALID);
        assertThat(DigestAuthentication.username(header)).contains("cpe-3f1c");
    }

    @Test
    void anExpiredNonceIsStaleSoTheDeviceAnswersANewChallenge() {
        String header = answer(digest.challenge(REALM, NOW, false), "cpe-3f1c", "s3cret-cpe-password", "POST", URI);

        assertThat(digest.verify(header, "POST", URI, REALM, "cpe-3f1c", Optional.of(HA1), NOW.plus(Duration.ofMinutes(6)))).isEqualTo(Outcome.STALE);
        assertThat(digest.challenge(REALM, NOW, true)).endsWith(", stale=true");
    }

    @Test
    void everythingElseIsRefused() {
        String challenge = digest.challenge(REALM, NOW, false);
        String good = answer(challenge, "cpe-3f1c", "s3cret-cpe-password", "POST", URI);
        Instant later = NOW.plusSeconds(30);

        assertThat(digest.verify(answer(challenge, "cpe-3f1c", "wrong", "POST", URI), "POST", URI, REALM, "cpe-3f1c", Optional.of(HA1), later))
                .as("a wrong password").isEqualTo(Outcome.INVALID);
        assertThat(digest.verify(good, "POST", "/cwmp/other", REALM, "cpe-3f1c", Optional.of(HA1), later)).as("another instance's address")
                .isEqualTo(Outcome.INVALID);
        assertThat(digest.verify(good, "POST", URI, "DMS Cloud ACS other", "cpe-3f1c", Optional.of(HA1), later)).as("another realm")
                .isEqualTo(Outcome.INVALID);
        assertThat(digest.verify(good, "POST", URI, REALM, "cpe-3f1c", Optional.empty(), later)).as("no such user").isEqualTo(Outcome.INVALID);
        assertThat(new DigestAuthentication("another platform's secret, 32 bytes+".getBytes(StandardCharsets.US_ASCII))
                .verify(good, "POST", URI, REALM, "cpe-3f1c", Optional.of(HA1), later)).as("a nonce this platform did not issue").isEqualTo(Outcome.INVALID);
        String forgedNonce = good.replaceFirst("nonce=\"[^.]+", "nonce=\"" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(later.getEpochSecond()).getBytes(StandardCharsets.US_ASCII)));
        assertThat(digest.verify(forgedNonce, "POST", URI, REALM, "cpe-3f1c", Optional.of(HA1), later)).as("a nonce made younger").isEqualTo(Outcome.INVALID);
        assertThat(digest.verify(good.replace("qop=auth, ", ""), "POST", URI, REALM, "cpe-3f1c", Optional.of(HA1), later)).as("no qop")
                .isEqualTo(Outcome.INVALID);
        for (String header : new String[] { null, "", "Basic Y3BlOnB3", "Digest", "Digest username=\"cpe-3f1c\"" }) {
            assertThat(digest.verify(header, "POST", URI, REALM, "cpe-3f1c", Optional.of(HA1), later)).as(header).isEqualTo(Outcome.INVALID);
        }
    }

    /** The Authorization header a CPE sends for a challenge. */
    private static String answer(String challenge, String username, String password, String method, String uri) {
        Matcher realm = Pattern.compile("realm=\"([^\"]+)\"").matcher(challenge);
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(realm.find() && nonce.find()).isTrue();
        String ha1 = DigestAuthentication.ha1(username, realm.group(1), password);
        String response = DigestAuthentication.response(ha1, nonce.group(1), "00000001", "c0ffee", method, uri);
        return "Digest username=\"" + username + "\", realm=\"" + realm.group(1) + "\", nonce=\"" + nonce.group(1) + "\", uri=\"" + uri
                + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\", response=\"" + response + "\"";
    }
}
