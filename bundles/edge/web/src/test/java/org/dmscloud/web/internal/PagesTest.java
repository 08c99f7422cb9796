package org.dmscloud.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Map;
import java.util.Set;

import org.dmscloud.api.billing.Coverage;
import org.dmscloud.api.money.Money;
import org.junit.jupiter.api.Test;

/** The pages as their templates render them: every value a tenant or a visitor typed is escaped; nothing runs inline. */
class PagesTest {

    private static final Texts TEXTS = Texts.in(Locale.ENGLISH);
    private static final String HOSTILE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    private final PageRenderer renderer = new PageRenderer();

    @Test
    void theLandingPageEscapesWhatTenantsAndVisitorsTyped() {
        Landing landing = new Landing(new Page(HOSTILE, "Title " + HOSTILE, TEXTS, HOSTILE, "token"),
                List.of(new Landing.PackageOffer("small", HOSTILE, HOSTILE, "1 to 1,000 CPE devices", "€1.00")),
                List.of(new Landing.OptionOffer("backup", HOSTILE, HOSTILE)),
                new Calculation("small", HOSTILE, Set.of(), Map.of("devices", HOSTILE), List.of(), ""), List.of(),
                new ContactForm("token", List.of(new ContactForm.Topic("general", "General question")),
                        new Fields(Map.of("message", HOSTILE, "email", HOSTILE), Map.of("email", HOSTILE))));

        String html = renderer.html("landing.jte", landing);

        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(html).as("in text").contains("&lt;script&gt;alert('x')&lt;/script&gt;");
        assertThat(html).as("in an attribute: its quote cannot close the attribute").contains("value=\"&lt;script>alert(&#39;x&#39;)&lt;/script>&#34;>");
        assertThat(html).as("no inline script, style or handler: the policy would refuse them").doesNotContain("style=").doesNotContain(" onclick");
    }

    @Test
    void theLandingPageShowsTheCalculatorsResultAndEveryQuestion() {
        Landing landing = new Landing(Page.forVisitor("Acme", "Acme: DMS", TEXTS), List.of(), List.of(),
                new Calculation("small", "500", Set.of(), Map.of(), List.of(new Calculation.PriceLine("Package Small, 500 devices", "€5.00")), "€5.00"),
                List.of(new Landing.Question("How am I billed?", "Every day.")), new ContactForm("token", List.of(), Fields.empty()));

        String html = renderer.html("landing.jte", landing);

        assertThat(html).contains("id=\"daily-rate\">€5.00<").contains("Package Small, 500 devices").contains("How am I billed?");
        assertThat(html).as("on to the new instance form, chosen as calculated").contains("href=\"/instances/new?package=small&amp;devices=500\"");
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
        String html = renderer.html("message.jte", new Message(Page.forVisitor("Acme", TEXTS.get("notFound.title"), TEXTS), TEXTS.get("notFound.text")));

        assertThat(html).contains("<h1>Page not found</h1>").contains("There is no page at this address.");
    }

    @Test
    void aPasswordIsNeverWrittenBackIntoItsFieldWhileTheOtherFieldsAre() {
        Fields fields = new Fields(Map.of("email", "ann@example.com", "password", "correct horse battery", "name", HOSTILE),
                Map.of("password", "This password is too easy to guess."));

        String html = renderer.html("register.jte", new FormPage(new Page("Acme", "Register", TEXTS, "", "token"), fields, ""));

        assertThat(html).doesNotContain("correct horse battery").contains("value=\"ann@example.com\"").contains("This password is too easy to guess.");
        assertThat(html).contains("id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" value=\"\"");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void aSignedInPageOffersAccountAndSignOutWithItsFormToken() {
        String signedIn = renderer.html("message.jte", new Message(new Page("Acme", "Title", TEXTS, "Ann", "tok3n"), "Hello"));
        String visitor = renderer.html("message.jte", new Message(Page.forVisitor("Acme", "Title", TEXTS), "Hello"));

        assertThat(signedIn).contains("action=\"/sign-out\"", "name=\"csrf\" value=\"tok3n\"", "Sign out (Ann)", "href=\"/account\"")
                .doesNotContain("href=\"/sign-in\"");
        assertThat(visitor).contains("href=\"/sign-in\"", "href=\"/register\"").doesNotContain("/sign-out");
    }

    @Test
    void theCoverageSaysTheDaysInWords() {
        Money daily = Money.of("24.00", "EUR");
        Instant until = Instant.parse("2026-11-27T00:00:00Z");

        assertThat(AccountOverview.coverage(new Coverage(Money.of("86.00", "EUR"), daily, 1, OptionalLong.of(3), Optional.of(until)), TEXTS))
                .isEqualTo("At today's rates (€24.00 a day for one enabled instance), your balance covers 3 more days; without a top-up, "
                        + "your instances run until 27 Nov 2026.");
        assertThat(AccountOverview.coverage(new Coverage(Money.of("30.00", "EUR"), daily.times(2), 2, OptionalLong.of(0), Optional.of(until)), TEXTS))
                .contains("€48.00 a day for 2 enabled instances", "covers no more days: top up before the next daily charge at midnight UTC");
        assertThat(AccountOverview.coverage(new Coverage(Money.of("30.00", "EUR"), daily, 1, OptionalLong.of(1), Optional.of(until)), TEXTS))
                .contains("covers one more day;");
        assertThat(AccountOverview.coverage(new Coverage(Money.of("30.00", "EUR"), Money.zero(daily.currency()), 0, OptionalLong.empty(), Optional.empty()),
                TEXTS)).isEqualTo("No instance is enabled, so nothing is charged daily.");
    }

    @Test
    void theAccountPageShowsEachLedgerEntryWithItsPeriodAndBreakdown() {
        AccountView.LedgerLine charge = new AccountView.LedgerLine("24 Nov 2026, 00:05:00 UTC", "Daily charge " + HOSTILE,
                "for 24 Nov 2026, 00:00:00 UTC to 25 Nov 2026, 00:00:00 UTC", "-€24.00", false, "€62.00",
                List.of(new AccountView.PriceLine("Standard package", "€10.00"), new AccountView.PriceLine("1000 CPE devices", "€14.00")));
        TopUpForm form = new TopUpForm("EUR", List.of(new TopUpForm.Provider("stripe", "Card (Stripe)", false, "from €5.00 to €10,000.00"),
                new TopUpForm.Provider("bank-transfer", "Bank transfer", true, "from €50.00 to €100,000.00")),
                new Fields(Map.of("amount", HOSTILE, "provider", "bank-transfer"), Map.of("billingDetails.country", "Enter the country.")), "key-1", "",
                TopUpForm.countries(Locale.ENGLISH));
        AccountView view = new AccountView(new Page("Acme", "Your account", TEXTS, "Ann", "token"), "Ann", "ann@example.com", "", "€62.00",
                "covers 2 more days", form, List.of(new TopUpLine("3f1c", "1 Dec 2026", "Card (Stripe)", "€50.00", "Paid: on your balance")),
                List.of(charge), "/account?before=7#ledger", new Fields(Map.of("currentPassword", "hunter2"), Map.of("currentPassword", "This is not your current password.")),
                "");

        String html = renderer.html("account.jte", view);

        assertThat(html).contains("id=\"balance\">€62.00<", "covers 2 more days", "for 24 Nov 2026, 00:00:00 UTC to 25 Nov 2026", "1000 CPE devices: €14.00",
                "href=\"/account?before=7#ledger\"").doesNotContain("<script");
        assertThat(html).as("the Update Account Balance form, bank transfer still chosen").contains("Update Account Balance",
                "name=\"requestKey\" value=\"key-1\"", "value=\"bank-transfer\"\n          checked", "<option value=\"DE\">Germany</option>",
                "Enter the country.", "href=\"/account/top-ups/3f1c\"");
        assertThat(html).as("the password form says what is wrong, and never shows a password").contains("This is not your current password.",
                "action=\"/account/sign-out-everywhere\"").doesNotContain("hunter2");
    }

    @Test
    void aTopUpsPageShowsHowToPayWhatIsOwedAndNeverReloadsItself() {
        TopUpLine line = new TopUpLine("3f1c", "1 Dec 2026", "Bank transfer", "€500.00", "Partly paid");
        TopUpView waiting = new TopUpView(new Page("Acme", "Top-up of €500.00", TEXTS, "Ann", "token"), line, "€200.00", "€300.00",
                "IBAN DE89 3704\nReference DMS-2026-0001", "", true, false, false, "",
                List.of(new TopUpView.Document("invoice DMS-2026-0001 (PDF)", "/account/top-ups/3f1c/documents/DMS-2026-0001")));
        TopUpView confirming = new TopUpView(waiting.page(), line, "", "", "", "", true, true, false, "Thank you.", List.of());
        TopUpView going = new TopUpView(waiting.page(), line, "", "", "", "https://checkout.stripe.com/c/pay/cs_1?a=1&b=2", true, false, true,
                "Taking you", List.of());

        String bank = renderer.html("top-up.jte", waiting);
        String card = renderer.html("top-up.jte", confirming);

        assertThat(bank).contains("IBAN DE89 3704", "href=\"/account/top-ups/3f1c/documents/DMS-2026-0001\"", "action=\"/account/top-ups/3f1c/cancel\"",
                "id=\"received\">€200.00<", "id=\"owed\">€300.00<").doesNotContain("http-equiv=\"refresh\"");
        assertThat(card).as("back from paying: look again, neither pay nor cancel, and no page that moves by itself")
                .contains("Thank you.", "href=\"/account/top-ups/3f1c?back=paid\"").doesNotContain("http-equiv=\"refresh\"")
                .doesNotContain("/cancel").doesNotContain("checkout.stripe.com");
        assertThat(renderer.html("top-up.jte", going)).as("on to the payment page just started")
                .contains("<meta http-equiv=\"refresh\" content=\"0;url=https://checkout.stripe.com/c/pay/cs_1?a=1&amp;b=2\">");
    }
}
