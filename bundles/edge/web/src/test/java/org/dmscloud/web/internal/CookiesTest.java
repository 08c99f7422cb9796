package org.dmscloud.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.Session;
import org.junit.jupiter.api.Test;

/** The session and form cookies as a browser gets them: never readable by script, {@code __Host-} and Secure behind TLS. */
class CookiesTest {

    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Session SESSION = new Session(TOKEN, NOW.plus(Duration.ofHours(12)),
            new Customer(java.util.UUID.randomUUID(), TenantId.DEFAULT, AccountId.random(), "ann@example.com", "Ann", ""));

    @Test
    void overPlainHttpTheSessionCookieIsHttpOnlyLaxAndLastsAsLongAsTheSession() {
        List<String> set = new ArrayList<>();

        SessionCookie.give(request(Map.of(), new Cookie[0]), response(set), SESSION, NOW);

        assertThat(set).containsExactly("dms-session=" + TOKEN + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200");
    }

    @Test
    void behindTlsTheCookiesAreSecureWithTheHostPrefixAndOnlyThoseAreRead() {
        List<String> set = new ArrayList<>();
        HttpServletRequest tls = request(Map.of("X-Forwarded-Proto", "https"), new Cookie[] { new Cookie("dms-session", TOKEN) });

        SessionCookie.give(tls, response(set), SESSION, NOW);
        FormTokens.issue(tls, response(set));

        assertThat(set.get(0)).isEqualTo("__Host-dms-session=" + TOKEN + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure");
        assertThat(set.get(1)).startsWith("__Host-dms-form=").endsWith("; Path=/; HttpOnly; SameSite=Strict; Secure");
        assertThat(SessionCookie.token(tls)).as("a cookie without the prefix, which a sibling host could have planted").isNull();
        assertThat(SessionCookie.token(request(Map.of("X-Forwarded-Proto", "https"), new Cookie[] { new Cookie("__Host-dms-session", TOKEN) })))
                .isEqualTo(TOKEN);
    }

    @Test
    void aCookieOfAnotherFormIsNotASession() {
        assertThat(SessionCookie.token(request(Map.of(), new Cookie[] { new Cookie("dms-session", "short") }))).isNull();
        assertThat(SessionCookie.token(request(Map.of(), new Cookie[] { new Cookie("dms-session", TOKEN + "\"; x=1") }))).isNull();
    }

    @Test
    void signingOutMakesTheBrowserForgetTheSession() {
        List<String> set = new ArrayList<>();

        SessionCookie.forget(request(Map.of(), null), response(set));

        assertThat(set).containsExactly("dms-session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    private static HttpServletRequest request(Map<String, String> headers, Cookie[] cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(CookiesTest.class.getClassLoader(), new Class<?>[] { HttpServletRequest.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                case "getHeader" -> headers.get((String) arguments[0]);
                case "getCookies" -> cookies;
                case "isSecure" -> false;
                default -> null;
                });
    }

    private static HttpServletResponse response(List<String> setCookies) {
        return (HttpServletResponse) Proxy.newProxyInstance(CookiesTest.class.getClassLoader(), new Class<?>[] { HttpServletResponse.class },
                (proxy, method, arguments) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(arguments[0])) {
                        setCookies.add((String) arguments[1]);
                    }
                    return null;
                });
    }
}
