package org.dmscloud.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.health.UnavailableException;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.api.tenant.TenantStatus;
import org.dmscloud.api.web.PortalRequests;
import org.junit.jupiter.api.Test;

/** Whatever fails behind a page, the visitor reads the portal's page, never the exception. */
class PortalPageTest {

    private static final Tenant ACME = new Tenant(new TenantId("acme"), new TenantSettings("Acme", List.of("www.acme.example"),
            Optional.of(new Brand("Acme DMS", "support@acme.example", "noreply@acme.example", "https://www.acme.example")),
            Currency.getInstance("EUR"), CatalogSelection.EVERYTHING, PriceAdjustment.NONE, false), TenantStatus.ENABLED, Instant.EPOCH, Instant.EPOCH);

    @Test
    void anUnexpectedFailureIsA500PageWithAnIncidentAndNoneOfTheExceptionsWords() throws Exception {
        Answer answer = get(new IllegalStateException("connection to db.internal:5432 refused for user dms"));

        assertThat(answer.status).isEqualTo(500);
        assertThat(answer.body()).contains("contact support with incident ").doesNotContain("db.internal").doesNotContain("IllegalState");
        assertThat(answer.headers).containsKey("Content-Security-Policy");
    }

    @Test
    void theDatabaseAwayIsA503PageToTryAgain() throws Exception {
        Answer answer = get(new UnavailableException("the database cannot be reached", null));

        assertThat(answer.status).isEqualTo(503);
        assertThat(answer.headers).containsEntry("Retry-After", "5");
        assertThat(answer.body()).contains("briefly unavailable", "Acme DMS");
    }

    @Test
    void aQueryOrFormTheContainerCannotDecodeIsTheClientsError() throws Exception {
        PortalPage page = new PortalPage(null) {
            private static final long serialVersionUID = 1L;
        };
        HttpServletRequest undecodable = (HttpServletRequest) Proxy.newProxyInstance(PortalPageTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, arguments) -> switch (method.getName()) {
                case "getMethod" -> "POST";
                case "getParameterMap" -> throw new IllegalArgumentException("Not valid encoding '%zz'");
                default -> null;
                });
        Answer answer = new Answer();

        page.service(undecodable, answer.response());

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.headers).containsEntry("Content-Type", "application/problem+json");
        assertThat(answer.body()).contains("could not be read").doesNotContain("%zz");
    }

    /** A GET of a page whose work throws this. */
    private static Answer get(RuntimeException failure) throws Exception {
        PortalPage page = new PortalPage(null) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void get(Visit visit) {
                throw failure;
            }
        };
        Answer answer = new Answer();
        page.service(request(), answer.response());
        return answer;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(PortalPageTest.class.getClassLoader(), new Class<?>[] { HttpServletRequest.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                case "getMethod" -> "GET";
                case "getProtocol" -> "HTTP/1.1";
                case "getAttribute" -> PortalRequests.TENANT.equals(arguments[0]) ? ACME : null;
                default -> null;
                });
    }

    /** What a page answered: a response that keeps its status, headers and body. */
    private static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(PortalPageTest.class.getClassLoader(), new Class<?>[] { HttpServletResponse.class },
                    (proxy, method, arguments) -> {
                        switch (method.getName()) {
                        case "setStatus" -> status = (Integer) arguments[0];
                        case "setHeader", "addHeader" -> headers.put((String) arguments[0], (String) arguments[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) arguments[0]);
                        case "reset" -> {
                            headers.clear();
                            bytes.reset();
                            status = 200;
                        }
                        case "getOutputStream" -> {
                            return out;
                        }
                        case "isCommitted" -> {
                            return false;
                        }
                        default -> {
                            // setContentLength and the like: nothing to keep
                        }
                        }
                        return null;
                    });
        }
    }
}
