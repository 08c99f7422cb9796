package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class PagesTest {

    private final StringWriter body = new StringWriter();
    private final Map<String, String> headers = new HashMap<>();

    @Test
    void aPageCarriesTheBrandOfItsTenantEscapedAndKeepsItsHeaders() throws Exception {
        Pages.write(response(), 503, "Acme <DMS>", "Closed", "Acme <DMS> is closed for now.");

        assertThat(body.toString()).contains("<title>Closed – Acme &lt;DMS&gt;</title>", "<p>Acme &lt;DMS&gt; is closed for now.</p>")
                .doesNotContain("DMS Cloud");
        assertThat(headers).containsEntry("Content-Security-Policy", "default-src 'none'; form-action 'none'").containsEntry("Referrer-Policy", "no-referrer");
    }

    @Test
    void withoutABrandThePageIsTitledAlone() throws Exception {
        Pages.write(response(), 404, "", "Not found", "Nothing here.");

        assertThat(body.toString()).contains("<title>Not found</title>");
    }

    private HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body);
        return (HttpServletResponse) Proxy.newProxyInstance(PagesTest.class.getClassLoader(), new Class<?>[] { HttpServletResponse.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                case "setHeader" -> headers.put((String) arguments[0], (String) arguments[1]);
                case "getWriter" -> writer;
                default -> null;
                });
    }
}
