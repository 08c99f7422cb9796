package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The customers' web portal as a browser's requests reach it: the landing page at each tenant's host,
 * in its brand, with its catalog and prices; the price calculator against the API's own price; the Contact Us
 * form with its protection against forged posts; the headers every page carries.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebPortalIT extends DmsCloudTestSupport {

    private static final String ACME_HOST = "www.acme-web.example";
    private static final String[] AT_ACME = { "Host", ACME_HOST };
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern DAILY_RATE = Pattern.compile("id=\"daily-rate\">€([0-9,]+\\.[0-9]{2})<");

    @Configuration
    public Option[] config() {
        List<Option> options = withMailServer(distribution());
        withPaymentProviders(options, TestStripe.start(uri("/api/v1/payments/stripe/webhook")));
        return options.toArray(Option[]::new);
    }

    @Test
    public void eachTenantsLandingPageShowsItsBrandCatalogAndPricesAndTakesContactMessages() throws Exception {
        awaitHealthy();
        executeCommand("dms:tenant-create --name \"Acme Web\" --host " + ACME_HOST + " --brand \"Acme Web DMS\" --support support@acme-web.example "
                + "--mail-from noreply@acme-web.example --portal-url https://" + ACME_HOST + " --catalog business,usp --markup 20 acmeweb");
        HttpResponse<String> acme = await("Acme's landing page", Duration.ofSeconds(30), () -> {
            HttpResponse<String> page = get("/", AT_ACME);
            return page.statusCode() == 200 && page.body().contains("Acme Web DMS") ? page : null;
        });
        HttpResponse<String> platform = get("/");

        assertThat(platform.statusCode()).isEqualTo(200);
        assertThat(platform.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(platform.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'", "script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(platform.body()).contains("<title>DMS Cloud: your device management server in the cloud</title>", "Starter", "Business",
                "Enterprise", "Firmware management").doesNotContain("Acme");
        assertThat(acme.body()).contains("<title>Acme Web DMS: your device management server in the cloud</title>", "Business",
                "TR-369 / USP support").doesNotContain("Starter").doesNotContain("Firmware management").doesNotContain("DMS Cloud");

        // The calculator's daily rate is the API's, at each tenant's prices.
        for (String[] host : List.of(new String[0], AT_ACME)) {
            JsonNode price = json(get("/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=usp", host));
            Matcher rate = DAILY_RATE.matcher(get("/?package=business&devices=2000&option=usp", host).body());
            assertThat(rate.find()).isTrue();
            assertThat(new BigDecimal(rate.group(1).replace(",", ""))).isEqualByComparingTo(new BigDecimal(price.at("/total/amount").asText()));
        }
        String refused = get("/?package=starter&devices=100", AT_ACME).body();
        assertThat(refused).contains("Choose one of the packages.").doesNotContain("id=\"daily-rate\"");
        assertThat(get("/?package=business&devices=12", AT_ACME).body()).as("too few devices for the package")
                .contains("aria-invalid=\"true\"").doesNotContain("id=\"daily-rate\"");

        // Contact Us: a post without the form's token is refused; with it, the message reaches Acme's support.
        List<String> message = new ArrayList<>(List.of("name", "Carol", "email", "carol@example.com", "company", "", "topic", "sales", "message",
                "Do you sell 30k devices?"));
        assertThat(postForm("/contact", message, AT_ACME).statusCode()).isEqualTo(403);
        String cookie = acme.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/");
        String token = token(acme.body());
        String[] browser = { "Host", ACME_HOST, "Cookie", cookie.substring(0, cookie.indexOf(';')) };
        List<String> forged = new ArrayList<>(message);
        forged.addAll(List.of("csrf", token.substring(1) + "A"));
        assertThat(postForm("/contact", forged, browser).statusCode()).as("a token that is not the cookie's").isEqualTo(403);
        List<String> badEmail = new ArrayList<>(message);
        badEmail.set(3, "not an address");
        badEmail.addAll(List.of("csrf", token));
        HttpResponse<String> corrected = postForm("/contact", badEmail, browser);
        assertThat(corrected.statusCode()).isEqualTo(400);
        assertThat(corrected.body()).contains("value=\"not an address\"", "aria-invalid=\"true\"", "Do you sell 30k devices?");
        assertThat(corrected.body()).as("the errors summed up at the form, which the address's fragment leads to").contains(
                "action=\"/contact#contact-errors\"", "id=\"contact-errors\" role=\"alert\"", "href=\"#contact-email\"");
        message.addAll(List.of("csrf", token));
        HttpResponse<String> sent = postForm("/contact", message, browser);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("We have your message and will answer at carol@example.com.");
        assertThat(awaitMail("support@acme-web.example", "Contact Us (Sales): Carol")).contains("Do you sell 30k devices?");

        // Any other address is the portal's own 404 page; the style sheet is the platform's, at every host.
        HttpResponse<String> missing = get("/no-such-page", "Host", ACME_HOST, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "Acme Web DMS");
        // A client that is no browser (an API client whose path strayed out of /api/v1) reads a problem, as from the API.
        HttpResponse<String> strayed = get("/api/etc/passwd", AT_ACME);
        assertThat(strayed.statusCode()).isEqualTo(404);
        assertThat(strayed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(strayed).get("status").asInt()).isEqualTo(404);
        assertThat(postForm("/api/etc/passwd", List.of("a", "b"), AT_ACME).statusCode()).as("a post where no form is: 404, not 403").isEqualTo(404);
        assertThat(rawStatus("GET /?package=%zz HTTP/1.1\r\nHost: " + ACME_HOST + "\r\nConnection: close\r\n\r\n"))
                .as("a query that cannot be decoded (no Java client sends one)").isEqualTo(400);
        assertThat(send(request("/contact", AT_ACME).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=%zz")).build()).statusCode()).as("nor a form").isEqualTo(400);
        for (String method : List.of("GET", "PUT", "POST", "DELETE")) { // as the API fuzzer sends them: out of /api/v1 once decoded
            HttpResponse<String> traversal = send(request("/api/v1/instances/..%2F..%2Fetc%2Fpasswd/settings")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(traversal.statusCode()).as(method).isBetween(400, 499);
            assertThat(traversal.headers().firstValue("Content-Type").orElse("")).as(method).startsWith("application/problem+json");
        }
        HttpResponse<String> put = send(request("/account", AT_ACME).PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(send(request("/", AT_ACME).method("TRACE", java.net.http.HttpRequest.BodyPublishers.noBody()).build()).statusCode())
                .as("TRACE would echo the cookies").isEqualTo(405);
        HttpResponse<String> css = get("/static/portal.css", AT_ACME);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    @Test
    public void aVisitorRegistersVerifiesSignsInReadsTheAccountPageAndSignsOut() {
        awaitHealthy();
        String email = "web-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> form = get("/register");
        assertThat(form.statusCode()).isEqualTo(200);
        String formCookie = cookie(form, "dms-form");
        String csrf = token(form.body());
        List<String> registration = List.of("name", "Wendy", "email", email, "company", "Wendy Telecom", "password", "violet quarry lantern");
        assertThat(postForm("/register", registration).statusCode()).as("no form token").isEqualTo(403);

        List<String> weak = new ArrayList<>(List.of("name", "Wendy", "email", email, "company", "", "password", "password123", "csrf", csrf));
        HttpResponse<String> refused = postForm("/register", weak, "Cookie", formCookie);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("too easy to guess", "value=\"" + email + "\"").doesNotContain("password123");

        List<String> good = new ArrayList<>(registration);
        good.addAll(List.of("csrf", csrf));
        HttpResponse<String> registered = postForm("/register", good, "Cookie", formCookie);
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("We sent a link to " + email, "action=\"/verification/resend\"");
        assertThat(postForm("/verification/resend", List.of("email", email, "csrf", csrf), "Cookie", formCookie).statusCode()).isEqualTo(200);
        String link = await("two verification mails", Duration.ofSeconds(60), () -> {
            List<String> mails = mailTo(email).stream().filter(m -> m.startsWith("Confirm your email address")).toList();
            return mails.size() < 2 ? null : mails.get(1);
        });
        Matcher verify = Pattern.compile("http://localhost:8181(/verify\\?token=[A-Za-z0-9_%-]+)").matcher(link);
        assertThat(verify.find()).as(link).isTrue();

        HttpResponse<String> oldLink = get("/api/v1/auth/verify?token=" + verify.group(1).substring("/verify?token=".length()));
        assertThat(oldLink.statusCode()).as("a link of a mail sent before the portal's pages").isEqualTo(303);
        assertThat(oldLink.headers().firstValue("Location")).contains(verify.group(1));
        assertThat(get("/api/v1/auth/password-reset?token=a%2Bb").headers().firstValue("Location")).contains("/password-reset?token=a%2Bb");
        HttpResponse<String> bogus = get("/verify?token=made-up");
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.body()).contains("This link does not work", "href=\"/register\"");
        HttpResponse<String> verified = get(verify.group(1));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Your email address is verified.", "value=\"" + email + "\"");
        assertThat(get(verify.group(1)).statusCode()).as("a link works once").isEqualTo(400);

        assertThat(get("/account").headers().firstValue("Location")).as("signed out").contains("/sign-in?next=%2Faccount");
        HttpResponse<String> wrong = postForm("/sign-in", List.of("email", email, "password", "not the password", "next", "/account", "csrf", csrf),
                "Cookie", formCookie);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The email address or the password is not right.");
        HttpResponse<String> offSite = postForm("/sign-in", List.of("email", email, "password", "violet quarry lantern", "next", "//evil.example/",
                "csrf", csrf), "Cookie", formCookie);
        assertThat(offSite.statusCode()).isEqualTo(303);
        assertThat(offSite.headers().firstValue("Location")).as("never on to another site").contains("/account");
        String setCookie = offSite.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dms-session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=");
        String session = setCookie.substring(0, setCookie.indexOf(';'));
        String browser = formCookie + "; " + session;

        // The account page: the balance, what it covers, the ledger; the same session is the API's bearer token.
        String bearerToken = session.substring("dms-session=".length());
        JsonNode account = json(get("/api/v1/account", bearer(bearerToken)));
        executeCommand("dms:balance-adjust --reason \"Welcome credit\" --key web-" + UUID.randomUUID() + " " + account.get("id").asText() + " 100.00");
        assertThat(post("/api/v1/instances", json(java.util.Map.of("name", "Web ACS", "packageId", "business", "expectedDevices", 1000,
                "enabled", true)), bearer(bearerToken)).statusCode()).isEqualTo(201);
        HttpResponse<String> page = get("/account", "Cookie", browser);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).as("the operator who credited it is not the customer's business").doesNotContain("Welcome credit (by ");
        assertThat(page.body()).contains("Wendy", email, "Welcome credit", "your balance covers", "Sign out (Wendy)", "How the rate is made up");
        JsonNode after = json(get("/api/v1/account", bearer(bearerToken)));
        assertThat(page.body()).contains("id=\"balance\">€" + after.at("/balance/amount").asText() + "<");

        // The password changes with the current one; other sessions end, this one stays.
        String otherSession = signIn(email, "violet quarry lantern");
        HttpResponse<String> notCurrent = postForm("/account/password", List.of("currentPassword", "guess", "newPassword", "amber tundra willow",
                "csrf", csrf), "Cookie", browser);
        assertThat(notCurrent.statusCode()).isEqualTo(400);
        assertThat(notCurrent.body()).contains("This is not your current password.");
        HttpResponse<String> changed = postForm("/account/password", List.of("currentPassword", "violet quarry lantern", "newPassword",
                "amber tundra willow", "csrf", csrf), "Cookie", browser);
        assertThat(changed.headers().firstValue("Location")).contains("/account?done=password");
        assertThat(get("/account?done=password", "Cookie", browser).body()).contains("Your new password is set.");
        assertThat(get("/api/v1/account", bearer(otherSession)).statusCode()).as("the other session ended").isEqualTo(401);

        // Another tenant's host does not know this session.
        executeCommand("dms:tenant-create --name \"Other Web\" --host www.other-web.example --brand \"Other Web DMS\" --support support@other-web.example "
                + "--mail-from noreply@other-web.example --portal-url https://www.other-web.example othrweb");
        HttpResponse<String> elsewhere = await("the other tenant's portal", Duration.ofSeconds(30), () -> {
            HttpResponse<String> answer = get("/account", "Host", "www.other-web.example", "Cookie", browser);
            return answer.statusCode() == 303 ? answer : null;
        });
        assertThat(elsewhere.headers().firstValue("Location")).contains("/sign-in?next=%2Faccount");

        HttpResponse<String> signedOut = postForm("/sign-out", List.of("csrf", csrf), "Cookie", browser);
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("dms-session=;") && c.contains("Max-Age=0"));
        assertThat(get("/account", "Cookie", browser).statusCode()).as("the session ended").isEqualTo(303);
        assertThat(get("/api/v1/account", bearer(bearerToken)).statusCode()).as("for the API too").isEqualTo(401);
    }

    @Test
    public void theUpdateAccountBalanceFormTopsUpByCardOnStripesPageAndByBankTransferDownToTheInvoice() throws Exception {
        awaitHealthy();
        String email = "payer-" + UUID.randomUUID() + "@example.com";
        String session = "dms-session=" + signedUp(email); // the API's session is the portal's
        HttpResponse<String> account = get("/account", "Cookie", session);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Update Account Balance", "value=\"stripe\"", "value=\"bank-transfer\"");
        String browser = session + "; " + cookie(account, "dms-form");
        String csrf = token(account.body());

        HttpResponse<String> notAnAmount = postForm("/account/top-ups", List.of("amount", "fifty", "provider", "stripe", "csrf", csrf), "Cookie", browser);
        assertThat(notAnAmount.statusCode()).isEqualTo(400);
        assertThat(notAnAmount.body()).contains("Enter the amount in EUR as a number such as 50.00.", "value=\"fifty\"");
        HttpResponse<String> tooLittle = postForm("/account/top-ups", List.of("amount", "0.50", "provider", "stripe", "csrf", csrf), "Cookie", browser);
        assertThat(tooLittle.statusCode()).isEqualTo(400);
        assertThat(tooLittle.body()).as("the limits in the page's money format").contains("Top up between €").doesNotContain(" EUR and ");

        // By card: on to Stripe's page (the stand-in's), paid there, back to the top-up's page, credited.
        HttpResponse<String> toStripe = postForm("/account/top-ups", List.of("amount", "50", "provider", "stripe", "requestKey", UUID.randomUUID().toString(),
                "csrf", csrf), "Cookie", browser);
        assertThat(toStripe.statusCode()).isEqualTo(303);
        String going = get(toStripe.headers().firstValue("Location").orElseThrow(), "Cookie", browser).body();
        Matcher onward = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\">").matcher(going);
        assertThat(onward.find()).as("the top-up's page sends the browser on to Stripe's: " + going).isTrue();
        URI paymentPage = URI.create(onward.group(1).replace("&amp;", "&"));
        assertThat(send(HttpRequest.newBuilder(paymentPage).GET().build()).body()).contains("Pay 50.00 EUR");
        HttpResponse<String> paid = send(HttpRequest.newBuilder(paymentPage).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(paid.statusCode()).isEqualTo(303);
        String back = paid.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith("http://localhost:8181/account/top-ups/").endsWith("?back=paid");
        String topUpPage = back.substring("http://localhost:8181".length());
        HttpResponse<String> credited = await("the card top-up credited", Duration.ofSeconds(30), () -> {
            HttpResponse<String> page = get(topUpPage, "Cookie", browser);
            return page.body().contains("Paid: on your balance") ? page : null;
        });
        assertThat(credited.body()).contains("€50.00").doesNotContain("http-equiv=\"refresh\"").doesNotContain("Cancel this top-up");
        assertThat(get("/account", "Cookie", browser).body()).contains("id=\"balance\">€50.00<", "Paid: on your balance",
                "Top-up by Card (Stripe), payment ");
        assertThat(get(topUpPage, "Cookie", "dms-session=" + signedUp("other-" + UUID.randomUUID() + "@example.com")).statusCode())
                .as("another customer's top-up").isEqualTo(404);

        // By bank transfer: the billing details are needed; then the page with the bank details and the invoice.
        HttpResponse<String> noDetails = postForm("/account/top-ups", List.of("amount", "500.00", "provider", "bank-transfer", "csrf", csrf), "Cookie", browser);
        assertThat(noDetails.statusCode()).isEqualTo(400);
        assertThat(noDetails.body()).contains("the name to address the invoice to", "Enter the country as its two-letter code");
        HttpResponse<String> invoiced = postForm("/account/top-ups", List.of("amount", "500.00", "provider", "bank-transfer", "billingDetails.name", "Payer",
                "billingDetails.company", "Payer Telecom", "billingDetails.address", "1 Main Street\nDublin", "billingDetails.country", "IE",
                "billingDetails.vatId", "", "requestKey", UUID.randomUUID().toString(), "csrf", csrf), "Cookie", browser);
        assertThat(invoiced.statusCode()).isEqualTo(303);
        String invoicePage = invoiced.headers().firstValue("Location").orElseThrow();
        assertThat(get(invoicePage, "Cookie", browser).body()).contains("Waiting for your payment", "We will email you an invoice for 500.00 EUR");
        String topUpId = invoicePage.substring(invoicePage.lastIndexOf('/') + 1);
        executeCommand("dms:invoice-issue " + topUpId); // the operator, told by mail, issues the invoice
        HttpResponse<String> transfer = get(invoicePage, "Cookie", browser);
        Matcher document = Pattern.compile("href=\"(/account/top-ups/[^\"]+/documents/[^\"]+)\"").matcher(transfer.body());
        assertThat(document.find()).as(transfer.body()).isTrue();
        HttpResponse<byte[]> pdf = sendForBytes(HttpRequest.newBuilder(uri(document.group(1))).header("Cookie", browser).GET().build());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(transfer.body()).as("the invoice is how to pay it now").contains("id=\"owed\">€500.00<", "Pay €500.00 by bank transfer as your invoice")
                .doesNotContain("We will email you an invoice");
        HttpResponse<String> cancelling = postForm(invoicePage + "/cancel", List.of("csrf", csrf), "Cookie", browser);
        assertThat(cancelling.statusCode()).as("an invoiced top-up is cancelled after a confirmation").isEqualTo(200);
        assertThat(cancelling.body()).contains("Cancelling tells us not to expect the other €500.00");
        assertThat(postForm(invoicePage + "/cancel", List.of("csrf", csrf, "step", "confirm"), "Cookie", browser).statusCode()).isEqualTo(303);
        assertThat(get(invoicePage, "Cookie", browser).body()).contains("Cancelled").doesNotContain("Cancel this top-up");
    }

    @Test
    public void aCustomerCreatesChangesDisablesEnablesAndDeletesAnInstanceEachAfterItsQuote() throws Exception {
        awaitHealthy();
        String email = "instances-" + UUID.randomUUID() + "@example.com";
        String session = "dms-session=" + signedUp(email);
        JsonNode account = json(get("/api/v1/account", bearer(session.substring("dms-session=".length()))));
        executeCommand("dms:balance-adjust --reason \"Welcome credit\" --key web-" + UUID.randomUUID() + " " + account.get("id").asText() + " 100.00");
        HttpResponse<String> none = get("/instances", "Cookie", session);
        assertThat(none.body()).contains("You have no instance yet.");
        String browser = session + "; " + cookie(none, "dms-form");
        String csrf = token(none.body());
        HttpResponse<String> form = get("/instances/new", "Cookie", browser);
        assertThat(form.body()).contains("Create an instance", "name=\"requestKey\"");
        String key = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"").matcher(form.body()).results().findFirst().orElseThrow().group(1);

        List<String> create = new ArrayList<>(List.of("name", "", "package", "business", "devices", "1000", "option", "usp", "enabled", "on",
                "requestKey", key, "step", "quote", "csrf", csrf));
        HttpResponse<String> unnamed = postForm("/instances/new", create, "Cookie", browser);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("Enter a name of at most 100 characters.");
        create.set(1, "Web\u202eSCA");
        assertThat(postForm("/instances/new", create, "Cookie", browser).statusCode()).as("an invisible text-direction control, as the API refuses")
                .isEqualTo(400);
        create.set(1, "Web ACS");
        HttpResponse<String> quoted = postForm("/instances/new", create, "Cookie", browser);
        assertThat(quoted.statusCode()).isEqualTo(200);
        assertThat(quoted.body()).contains("Confirm the new instance", "This charges €", "billing rule R6: a new instance is charged for the rest of the day", "id=\"daily-rate\">€19.00<", "name=\"quoteId\"");
        assertThat(json(get("/api/v1/account", bearer(session.substring("dms-session=".length())))).at("/balance/amount").asText())
                .as("nothing charged before the confirmation").isEqualTo("100.00");
        HttpResponse<String> created = postForm("/instances/new", confirmation(quoted.body(), csrf), "Cookie", browser);
        assertThat(created.statusCode()).isEqualTo(303);
        String instance = created.headers().firstValue("Location").orElseThrow().replace("?done=created", "");
        assertThat(postForm("/instances/new", confirmation(quoted.body(), csrf), "Cookie", browser).headers().firstValue("Location"))
                .as("the same form sent twice creates one instance").contains(instance + "?done=created");
        HttpResponse<String> page = get(instance + "?done=created", "Cookie", browser);
        assertThat(page.body()).contains("The instance is created.", "Web ACS", "Enabled", "TR-369 / USP support");
        String charge = Pattern.compile("This charges (€[0-9.,]+)").matcher(quoted.body()).results().findFirst().orElseThrow().group(1);
        assertThat(get("/account", "Cookie", browser).body()).as("the ledger shows the quoted charge").contains("-" + charge);
        assertThat(get("/instances", "Cookie", browser).body()).contains("Web ACS", "Business, 1,000 CPE devices");

        // Disable (free, R3), enable inside the paid day (free, R4), a change of settings (R7), each confirmed.
        HttpResponse<String> disabling = postForm(instance + "/disable", List.of("csrf", csrf), "Cookie", browser);
        assertThat(disabling.body()).contains("Disabling is free and gives nothing back");
        assertThat(postForm(instance + "/disable", confirmation(disabling.body(), csrf), "Cookie", browser).statusCode()).isEqualTo(303);
        assertThat(get(instance, "Cookie", browser).body()).contains("id=\"state\">Disabled<", "You disabled it.");
        HttpResponse<String> enabling = postForm(instance + "/enable", List.of("csrf", csrf), "Cookie", browser);
        assertThat(enabling.body()).contains("This costs nothing now.", "billing rule R4");
        assertThat(postForm(instance + "/enable", confirmation(enabling.body(), csrf), "Cookie", browser).statusCode()).isEqualTo(303);
        assertThat(get(instance, "Cookie", browser).body()).contains("id=\"state\">Enabled<");
        HttpResponse<String> settings = get(instance + "/settings", "Cookie", browser);
        assertThat(settings.body()).contains("value=\"1000\"");
        HttpResponse<String> upgrade = postForm(instance + "/settings", List.of("package", "business", "devices", "2000", "option", "usp", "step", "quote",
                "csrf", csrf), "Cookie", browser);
        assertThat(upgrade.body()).contains("This charges €", "billing rule R7", "id=\"daily-rate\">€23.00<");
        assertThat(upgrade.body()).as("the settings and rate it changes from").contains("Now: Business, 1,000 CPE devices, options: TR-369 / USP support, at €19.00 a day.");
        assertThat(postForm(instance + "/settings", confirmation(upgrade.body(), csrf), "Cookie", browser).statusCode()).isEqualTo(303);
        assertThat(get(instance, "Cookie", browser).body()).contains("2,000 CPE devices");

        // Too little balance: a clear refusal with the way to top up; nothing is created.
        String poor = "dms-session=" + signedUp("poor-" + UUID.randomUUID() + "@example.com");
        HttpResponse<String> poorForm = get("/instances/new", "Cookie", poor);
        String poorBrowser = poor + "; " + cookie(poorForm, "dms-form");
        String poorCsrf = token(poorForm.body());
        HttpResponse<String> poorQuote = postForm("/instances/new", List.of("name", "Too dear", "package", "starter", "devices", "100", "enabled", "on",
                "step", "quote", "csrf", poorCsrf), "Cookie", poorBrowser);
        assertThat(poorQuote.body()).as("the shortfall, said before confirming").contains("Your balance now: €0.00.", "short of this: top up at least €",
                "href=\"/account#top-up\"");
        HttpResponse<String> refused = postForm("/instances/new", confirmation(poorQuote.body(), poorCsrf), "Cookie", poorBrowser);
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(refused.body()).contains("Your balance does not cover this yet", "href=\"/account#top-up\"");
        assertThat(get("/instances", "Cookie", poorBrowser).body()).contains("You have no instance yet.");
        assertThat(get(instance, "Cookie", poorBrowser).statusCode()).as("another customer's instance").isEqualTo(404);

        // Its CPE devices: the password made on request, shown once, not to another customer nor without the form's token.
        HttpResponse<String> devices = get(instance + "/devices", "Cookie", browser);
        assertThat(devices.body()).contains("/cwmp/" + instance.substring(instance.lastIndexOf('/') + 1), "none yet: create the device password first",
                "0 of 2,000 expected devices", "No device has connected yet.");
        assertThat(get(instance + "/devices", "Cookie", poorBrowser).statusCode()).isEqualTo(404);
        assertThat(postForm(instance + "/devices/credentials", List.of("csrf", poorCsrf), "Cookie", poorBrowser).statusCode()).isEqualTo(404);
        assertThat(postForm(instance + "/devices/credentials", List.of(), "Cookie", browser).statusCode()).as("no form token").isEqualTo(403);
        HttpResponse<String> made = postForm(instance + "/devices/credentials", List.of("csrf", csrf), "Cookie", browser);
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(made.body()).containsPattern("<code id=\"password\">[A-Za-z0-9]{20}</code>").contains("id=\"acs-username\">cpe-");
        assertThat(get(instance + "/devices", "Cookie", browser).body()).doesNotContain("id=\"password\"").contains("Replace the device password");
        String replaceKey = UUID.randomUUID().toString();
        HttpResponse<String> replacing = postForm(instance + "/devices/credentials", List.of("csrf", csrf, "requestKey", replaceKey), "Cookie", browser);
        assertThat(replacing.body()).as("replacing cuts every device off: asked once more").contains("Every device of this instance is refused")
                .doesNotContain("id=\"password\"");
        HttpResponse<String> replaced = postForm(instance + "/devices/credentials", List.of("csrf", csrf, "requestKey", replaceKey, "step", "confirm"),
                "Cookie", browser);
        assertThat(replaced.body()).containsPattern("<code id=\"password\">[A-Za-z0-9]{20}</code>");
        assertThat(get(instance + "/devices?offset=-7&search=" + "x".repeat(300), "Cookie", browser).statusCode()).as("a careless query").isEqualTo(200);

        // Sign out everywhere: this browser and every other session.
        String apiSession = signIn(email, "correct horse battery");
        HttpResponse<String> everywhere = postForm("/account/sign-out-everywhere", List.of("csrf", csrf), "Cookie", browser);
        assertThat(everywhere.headers().firstValue("Location")).contains("/sign-in?done=everywhere");
        assertThat(get("/api/v1/account", bearer(apiSession)).statusCode()).isEqualTo(401);
        assertThat(get(instance, "Cookie", browser).statusCode()).isEqualTo(303);
        browser = "dms-session=" + signIn(email, "correct horse battery") + "; " + browser.substring(browser.indexOf("; ") + 2);

        // The package withdrawn (its bundle stopped, R12): the pages still answer, and say what cannot be done.
        org.osgi.framework.Bundle catalogBundle = bundle("dms-cloud-catalog-default");
        try {
            catalogBundle.stop();
            assertThat(get(instance, "Cookie", browser).statusCode()).isEqualTo(200);
            assertThat(get("/instances/new", "Cookie", browser).statusCode()).isEqualTo(200);
            HttpResponse<String> withdrawn = postForm(instance + "/settings", List.of("package", "business", "devices", "3000", "step", "quote",
                    "csrf", csrf), "Cookie", browser);
            assertThat(withdrawn.statusCode()).isEqualTo(400);
            assertThat(withdrawn.body()).contains("Choose one of the packages.");
        } finally {
            catalogBundle.start();
        }
        String again = browser;
        await("the default catalog back", Duration.ofSeconds(30), () -> get("/instances/new", "Cookie", again).body().contains("Business") ? true : null);

        // Delete gives back the unused part of the day (R9).
        HttpResponse<String> deleting = postForm(instance + "/delete", List.of("csrf", csrf), "Cookie", browser);
        assertThat(deleting.body()).contains("This gives €", "billing rule R9");
        HttpResponse<String> deleted = postForm(instance + "/delete", confirmation(deleting.body(), csrf), "Cookie", browser);
        assertThat(deleted.headers().firstValue("Location")).contains("/instances?done=deleted");
        assertThat(get("/instances?done=deleted", "Cookie", browser).body()).contains("The instance is deleted.", "You have no instance yet.");

        // Created disabled, it has paid nothing: it says so, with what enabling it would charge a day, not a rate of 0.00.
        HttpResponse<String> disabledForm = get("/instances/new", "Cookie", browser);
        String disabledKey = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"").matcher(disabledForm.body()).results().findFirst()
                .orElseThrow().group(1);
        HttpResponse<String> disabledQuote = postForm("/instances/new", List.of("name", "Spare ACS", "package", "business", "devices", "1000",
                "requestKey", disabledKey, "step", "quote", "csrf", csrf), "Cookie", browser);
        HttpResponse<String> spare = postForm("/instances/new", confirmation(disabledQuote.body(), csrf), "Cookie", browser);
        assertThat(spare.statusCode()).isEqualTo(303);
        String sparePage = get(spare.headers().firstValue("Location").orElseThrow(), "Cookie", browser).body();
        assertThat(sparePage).contains("id=\"state\">Disabled<", "Not paid yet", "€14.00").doesNotContain("€0.00");
    }

    /** The confirmation page's form as the browser sends it: its hidden fields and the confirm button. */
    private static List<String> confirmation(String page, String csrf) {
        List<String> fields = new ArrayList<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page);
        while (hidden.find()) {
            if (!hidden.group(1).equals("csrf")) {
                fields.addAll(List.of(hidden.group(1), hidden.group(2)));
            }
        }
        fields.addAll(List.of("step", "confirm", "csrf", csrf));
        return fields;
    }

    private static HttpResponse<byte[]> sendForBytes(HttpRequest request) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void aForgottenPasswordIsSetAgainFromTheMailsLink() {
        awaitHealthy();
        String email = "forgot-" + UUID.randomUUID() + "@example.com";
        String before = signedUp(email);
        HttpResponse<String> form = get("/password-reset");
        String browser = cookie(form, "dms-form");
        String csrf = token(form.body());
        HttpResponse<String> asked = postForm("/password-reset", List.of("email", email, "csrf", csrf), "Cookie", browser);
        assertThat(asked.body()).contains("If " + email + " is registered, a mail with a link is on its way.");
        Matcher link = Pattern.compile("http://localhost:8181(/password-reset\\?token=[A-Za-z0-9_%-]+)").matcher(awaitMail(email, "Set a new password"));
        assertThat(link.find()).isTrue();
        HttpResponse<String> newPassword = get(link.group(1), "Cookie", browser);
        assertThat(newPassword.body()).contains("Set a new password", "name=\"token\"");
        String token = java.net.URLDecoder.decode(link.group(1).substring(link.group(1).indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> weak = postForm("/password-reset", List.of("token", token, "newPassword", "password123", "csrf", csrf), "Cookie", browser);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("too easy to guess");
        HttpResponse<String> set = postForm("/password-reset", List.of("token", token, "newPassword", "amber tundra willow", "csrf", csrf), "Cookie", browser);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("Your new password is set, and every earlier session is signed out.");
        assertThat(get("/api/v1/account", bearer(before)).statusCode()).isEqualTo(401);
        assertThat(signIn(email, "amber tundra willow")).isNotBlank();
        HttpResponse<String> again = postForm("/password-reset", List.of("token", token, "newPassword", "another new password", "csrf", csrf),
                "Cookie", browser);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("This link does not work", "Ask for a new one.");
    }

    /** The status of an answer to a request written as bytes, as a careless client may send what no HTTP library would. */
    private static int rawStatus(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", uri("/").getPort())) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    /** The cookie a page set, as a browser sends it back ({@code name=value}). */
    private static String cookie(HttpResponse<String> page, String name) {
        String set = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static String token(String html) {
        Matcher token = FORM_TOKEN.matcher(html);
        assertThat(token.find()).as("the contact form's token").isTrue();
        return token.group(1);
    }
}
