package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The customers' web portal (issue 13) as a browser's requests reach it: the landing page at each tenant's host,
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
        return withMailServer(distribution()).toArray(Option[]::new);
    }

    @Test
    public void eachTenantsLandingPageShowsItsBrandCatalogAndPricesAndTakesContactMessages() {
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
        message.addAll(List.of("csrf", token));
        HttpResponse<String> sent = postForm("/contact", message, browser);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("We have your message and will answer at carol@example.com.");
        assertThat(awaitMail("support@acme-web.example", "Contact Us (Sales): Carol")).contains("Do you sell 30k devices?");

        // Any other address is the portal's own 404 page; the style sheet is the platform's, at every host.
        HttpResponse<String> missing = get("/no-such-page", AT_ACME);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "Acme Web DMS");
        HttpResponse<String> css = get("/static/portal.css", AT_ACME);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    private static String token(String html) {
        Matcher token = FORM_TOKEN.matcher(html);
        assertThat(token.find()).as("the contact form's token").isTrue();
        return token.group(1);
    }
}
