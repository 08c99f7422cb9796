package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void aPageCarriesTheBrandOfItsTenantEscapedAndKeepsItsHeaders() {
        Response page = Pages.page(200, "Acme <DMS>", "Address verified", "You can sign in to Acme <DMS> now.");

        assertThat((String) page.getEntity()).contains("<title>Address verified – Acme &lt;DMS&gt;</title>", "<p>You can sign in to Acme &lt;DMS&gt; now.</p>")
                .doesNotContain("DMS Cloud");
        assertThat(page.getHeaderString("Content-Security-Policy")).isEqualTo("default-src 'none'; form-action 'self'");
        assertThat(page.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void withoutABrandThePageIsTitledAlone() {
        assertThat((String) Pages.page(404, "", "Not found", "Nothing here.").getEntity()).contains("<title>Not found</title>");
    }
}
