package org.dmscloud.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The pages as their templates render them: every value a tenant or a visitor typed is escaped; nothing runs inline. */
class PagesTest {

    private static final Texts TEXTS = Texts.in(Locale.ENGLISH);
    private static final String HOSTILE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    private final PageRenderer renderer = new PageRenderer();

    @Test
    void theLandingPageEscapesWhatTenantsAndVisitorsTyped() {
        Landing landing = new Landing(new Page(HOSTILE, "Title " + HOSTILE, TEXTS),
                List.of(new Landing.PackageOffer("small", HOSTILE, HOSTILE, "1 to 1,000 CPE devices", "€1.00")),
                List.of(new Landing.OptionOffer("backup", HOSTILE, HOSTILE)),
                new Calculation("small", HOSTILE, Set.of(), Map.of("devices", HOSTILE), List.of(), ""), List.of(),
                new ContactForm("token", List.of(new ContactForm.Topic("general", "General question")), Map.of("message", HOSTILE, "email", HOSTILE),
                        Map.of("email", HOSTILE)));

        String html = renderer.html("landing.jte", landing);

        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(html).as("in text").contains("&lt;script&gt;alert('x')&lt;/script&gt;");
        assertThat(html).as("in an attribute: its quote cannot close the attribute").contains("value=\"&lt;script>alert(&#39;x&#39;)&lt;/script>&#34;>");
        assertThat(html).as("no inline script, style or handler: the policy would refuse them").doesNotContain("style=").doesNotContain(" onclick");
    }

    @Test
    void theLandingPageShowsTheCalculatorsResultAndEveryQuestion() {
        Landing landing = new Landing(new Page("Acme", "Acme: DMS", TEXTS), List.of(), List.of(),
                new Calculation("small", "500", Set.of(), Map.of(), List.of(new Calculation.PriceLine("Package Small, 500 devices", "€5.00")), "€5.00"),
                List.of(new Landing.Question("How am I billed?", "Every day.")), new ContactForm("token", List.of(), Map.of(), Map.of()));

        String html = renderer.html("landing.jte", landing);

        assertThat(html).contains("id=\"daily-rate\">€5.00<").contains("Package Small, 500 devices").contains("How am I billed?");
        assertThat(html).contains("name=\"csrf\" value=\"token\"");
        assertThat(html).contains("<html lang=\"en\">");
    }

    @Test
    void everyFaqQuestionHasItsAnswer() {
        for (int i = 1; TEXTS.has("faq." + i + ".question"); i++) {
            assertThat(TEXTS.has("faq." + i + ".answer")).as("faq." + i + ".answer").isTrue();
        }
        assertThat(TEXTS.has("faq.1.question")).isTrue();
    }

    @Test
    void aMessagePageSaysItsText() {
        String html = renderer.html("message.jte", new Message(new Page("Acme", TEXTS.get("notFound.title"), TEXTS), TEXTS.get("notFound.text")));

        assertThat(html).contains("<h1>Page not found</h1>").contains("There is no page at this address.");
    }
}
