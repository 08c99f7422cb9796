package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dmscloud.acs.simulator.CpeSimulator;
import org.dmscloud.payment.stripe.testing.StripeEvents;
import org.dmscloud.payment.stripe.testing.StripeStub;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web portal in a real browser: Debian's chromium, headless, driven through its chromedriver, against the
 * distribution started as an operator starts it. Pages at desktop and phone width (screenshots in
 * {@code target/screenshots/}), the keyboard alone, axe-core's accessibility rules, and the forms' cookie and
 * token as a browser keeps them.
 */
public class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Map<String, Dimension> WIDTHS = Map.of("desktop", new Dimension(1280, 900), "phone", new Dimension(375, 812));

    /** A second tenant's host name, which chromium resolves to this machine. */
    private static final String ACME_HOST = "www.acme-browser.example";
    private static final Pattern VERIFY_LINK = Pattern.compile("(http://127\\.0\\.0\\.1:[0-9]+/verify\\?token=[A-Za-z0-9_%-]+)");

    private static DistributionProcess distribution;
    private static WebDriver browser;
    private static int imapPort;

    @BeforeClass
    public static void start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromedriver (apt-get install chromium chromium-driver)").isTrue();
        int httpPort = Integer.parseInt(DmsCloudTestSupport.freePort());
        String portal = "http://127.0.0.1:" + httpPort;
        int[] mail = TestMailServer.start(Integer.parseInt(DmsCloudTestSupport.freePort()), Integer.parseInt(DmsCloudTestSupport.freePort()));
        imapPort = mail[1];
        StripeStub stripe = new StripeStub(java.time.Clock.systemUTC());
        stripe.deliverWebhooksTo(URI.create(portal + "/api/v1/payments/stripe/webhook"));
        distribution = DistributionProcess.start("browser", httpPort, Map.of(
                "org.dmscloud.mail", Map.of("smtpHost", "127.0.0.1", "smtpPort", Integer.toString(mail[0]), "smtpStartTls", "false",
                        "pollSeconds", "1", "operatorAddresses", "ops@dmscloud.example", "portalUrl", portal),
                "org.dmscloud.payment.stripe", Map.of("secretKey", StripeStub.SECRET_KEY, "webhookSecret", StripeEvents.WEBHOOK_SECRET,
                        "apiBase", stripe.apiBase(), "successUrl", portal + "/account/top-ups/{TOP_UP_ID}?back=paid",
                        "cancelUrl", portal + "/account/top-ups/{TOP_UP_ID}?back=left"),
                "org.dmscloud.payment.banktransfer", Map.of("beneficiary", "DMS Cloud Ltd", "beneficiaryAddress", "1 Harbour Street|Dublin",
                        "iban", "DE89370400440532013000", "bic", "COBADEFFXXX", "bankName", "Commerzbank")));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox: CI runs as root, where chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en",
                "--host-resolver-rules=MAP " + ACME_HOST + " 127.0.0.1");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    public void theLandingPageFitsADesktopAndAPhone() throws IOException {
        for (Map.Entry<String, Dimension> width : WIDTHS.entrySet()) {
            open("/?package=business&devices=2000&option=usp", width.getValue());
            assertThat(browser.getTitle()).isEqualTo("DMS Cloud: your device management server in the cloud");
            assertThat((Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no sideways scrolling at " + width.getKey() + " width").isTrue();
            screenshot("landing-" + width.getKey());
            open("/no-such-page", width.getValue());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
            screenshot("not-found-" + width.getKey());
        }
    }

    /** Package, devices and an option chosen, and the form sent, with the keyboard alone: the daily rate is the API's. */
    @Test
    public void thePriceCalculatorWorksWithTheKeyboardAlone() throws Exception {
        open("/", WIDTHS.get("desktop"));
        tabTo("package").sendKeys("Business");
        tabTo("devices").sendKeys(Keys.chord(Keys.CONTROL, "a"), "2000");
        WebElement usp = tabToCheckbox("usp");
        usp.sendKeys(Keys.SPACE);
        assertThat(usp.isSelected()).isTrue();
        WebElement button = tabTo(null);
        while (!"button".equals(button.getTagName())) {
            button = tabTo(null);
        }
        button.sendKeys(Keys.ENTER);
        WebElement rate = new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.findElements(By.id("daily-rate")).stream().findFirst()
                .orElse(null));
        HttpResponse<String> price = HttpClient.newHttpClient().send(HttpRequest.newBuilder(distribution.uri(
                "/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=usp")).build(), HttpResponse.BodyHandlers.ofString());
        BigDecimal api = new BigDecimal(new ObjectMapper().readTree(price.body()).at("/total/amount").asText());
        assertThat(new BigDecimal(rate.getText().replaceAll("[^0-9.]", ""))).isEqualByComparingTo(api);
        screenshot("calculator-desktop");
    }

    @Test
    public void noSeriousOrCriticalAccessibilityViolations() {
        for (String page : List.of("/", "/?package=business&devices=12", "/?package=business&devices=2000&option=usp", "/no-such-page")) {
            for (Map.Entry<String, Dimension> width : WIDTHS.entrySet()) {
                open(page, width.getValue());
                axe(page + " at " + width.getKey() + " width");
            }
        }
    }

    /** The form's cookie and token as a browser keeps and sends them: the message is taken, and thanked for. */
    @Test
    public void contactUsFromTheBrowser() throws IOException {
        open("/#contact", WIDTHS.get("phone"));
        browser.findElement(By.id("contact-name")).sendKeys("Dora");
        browser.findElement(By.id("contact-email")).sendKeys("dora@example.com");
        browser.findElement(By.id("contact-topic")).sendKeys("Bank transfer top-up");
        browser.findElement(By.id("contact-message")).sendKeys("Please send an invoice for 500 EUR.");
        browser.findElement(By.cssSelector("form.contact button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getPageSource().contains("We have your message"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("We have your message and will answer at dora@example.com.");
        screenshot("contact-sent-phone");
    }

    /**
     * A customer's whole journey, as the FAQ tells it: the landing page and its calculator, registration, the mail,
     * verification, signing in (a wrong password first), an instance refused for too little balance, a card top-up
     * on Stripe's page and back, an instance created after its quote, the ledger, disabling, a bank transfer down to
     * its invoice, a link that does not work, Contact Us, and another tenant's portal in its own brand. Every page is
     * checked for axe-core's serious and critical rules and reached with the keyboard, and kept as a screenshot at
     * desktop and phone width.
     */
    @Test
    public void aCustomersWholeJourney() throws Exception {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "violet quarry lantern";
        open("/", WIDTHS.get("desktop"));
        checkPage("journey-01-landing");
        new Select(browser.findElement(By.id("package"))).selectByValue("business");
        type("devices", "2000");
        browser.findElement(By.cssSelector("input[name=option][value=usp]")).click();
        browser.findElement(By.cssSelector("form.calculator button")).click();
        assertThat(waitForText(By.id("daily-rate"), "€23.00")).isEqualTo("€23.00");
        checkPage("journey-02-calculator");

        browser.findElement(By.linkText("Register")).click();
        waitFor(By.id("password"));
        checkPage("journey-03-register");
        type("name", "Jenny Journey");
        type("email", email);
        type("company", "Journey Telecom");
        type("password", password);
        submit("/register");
        waitForText(By.tagName("main"), "We sent a link to " + email);
        checkPage("journey-04-registered");
        String mail = Mailboxes.await(imapPort, email, "Confirm");
        Matcher link = VERIFY_LINK.matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        browser.get(link.group(1));
        waitForText(By.cssSelector(".notice"), "Your email address is verified.");
        checkPage("journey-05-verified");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
        type("password", "not my password");
        submit("/sign-in");
        assertThat(waitForText(By.cssSelector("p.error[role=alert]"), "not right")).isEqualTo("The email address or the password is not right.");
        checkPage("journey-06-wrong-password");
        type("password", password);
        submit("/sign-in");
        assertThat(waitForText(By.id("balance"), "€")).isEqualTo("€0.00");
        checkPage("journey-07-account");

        // Too little balance: the instance is refused, with the way to top up.
        open("/instances/new", WIDTHS.get("desktop"));
        checkPage("journey-08-new-instance");
        createInstance("Journey ACS", "business", "1000");
        waitFor(By.cssSelector("button[name=step][value=confirm]")).click();
        waitForText(By.cssSelector("p.error[role=alert]"), "Your balance does not cover this yet");
        assertThat(browser.findElement(By.id("shortfall")).getText()).contains("Your balance is €", "short of this: top up at least €");
        checkPage("journey-09-too-little-balance");

        // A card top-up on Stripe's page, and back to the top-up's page, which shows the credit once confirmed.
        browser.findElement(By.linkText("Top up your balance")).click();
        waitFor(By.id("amount"));
        type("amount", "50.00");
        browser.findElement(By.cssSelector("input[name=provider][value=stripe]")).click();
        checkPage("journey-10-update-account-balance");
        submit("/account/top-ups");
        waitFor(By.id("pay")).click();
        // Back from paying, the page asks Stripe; if not confirmed yet, "Look again" (the page does not reload itself).
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(page -> {
            if (page.findElement(By.id("status")).getText().startsWith("Paid")) {
                return true;
            }
            page.findElements(By.linkText("Look again")).forEach(WebElement::click);
            return false;
        });
        checkPage("journey-11-top-up-paid");
        open("/account", WIDTHS.get("desktop"));
        assertThat(browser.findElement(By.id("balance")).getText()).isEqualTo("€50.00");

        // An instance after its quote, from the calculator's choice; the ledger shows the charge the quote named.
        open("/?package=business&devices=1000#calculator", WIDTHS.get("desktop"));
        browser.findElement(By.linkText("Create an instance like this")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(page -> page.getCurrentUrl().contains("/instances/new"));
        assertThat(new Select(waitFor(By.id("name")).findElement(By.xpath("//select[@id='package']"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("business");
        assertThat(browser.findElement(By.id("devices")).getAttribute("value")).isEqualTo("1000");
        type("name", "Journey ACS");
        browser.findElement(By.cssSelector("button[name=step][value=quote]")).click();
        String charge = quotedCharge();
        checkPage("journey-12-quote");
        charge = confirmQuotedCharge(charge);
        assertThat(waitForText(By.cssSelector(".notice"), "created")).isEqualTo("The instance is created.");
        checkPage("journey-13-instance");
        open("/account", WIDTHS.get("desktop"));
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("-" + charge);
        checkPage("journey-14-ledger");
        open("/instances", WIDTHS.get("desktop"));
        checkPage("journey-15-instances");
        browser.findElement(By.linkText("Journey ACS")).click();

        // Its CPE devices: the password made once and shown once; a router informs with it and is listed.
        waitFor(By.linkText("Devices")).click();
        assertThat(waitForText(By.id("acs-counts"), "expected")).isEqualTo("0 of 1,000 expected devices");
        waitFor(By.cssSelector("form[action$='/devices/credentials'] button")).click();
        String devicePassword = waitFor(By.id("password")).getText();
        assertThat(devicePassword).hasSize(20);
        checkPage("journey-16-device-password");
        CpeSimulator router = new CpeSimulator(CpeSimulator.client(), URI.create(browser.findElement(By.id("acs-url")).getText()),
                browser.findElement(By.id("acs-username")).getText(), devicePassword, "urn:dslforum-org:cwmp-1-0", "00D09E", "HG8245", "SN-BROWSER-1");
        assertThat(router.session("0 BOOTSTRAP").admitted()).isTrue();
        browser.navigate().refresh();
        assertThat(waitForText(By.cssSelector(".notice"), "sent again")).contains("no new one was made");
        assertThat(browser.findElements(By.id("password"))).as("shown once").isEmpty();
        assertThat(router.session().admitted()).as("a reload made no new password").isTrue();
        open(URI.create(browser.getCurrentUrl()).getPath().replace("/credentials", ""), WIDTHS.get("desktop"));
        assertThat(waitForText(By.id("acs-counts"), "expected")).isEqualTo("1 of 1,000 expected devices");
        assertThat(browser.findElement(By.cssSelector("table.devices")).getText()).contains("SN-BROWSER-1", "HG8245", "00D09E", "1.0.0");
        checkPage("journey-17-devices");
        browser.findElement(By.linkText("Back to the instance")).click();
        waitFor(By.cssSelector("form[action$='/disable'] button")).click();
        waitFor(By.cssSelector("button[name=step][value=confirm]"));
        checkPage("journey-18-disable");
        waitFor(By.cssSelector("button[name=step][value=confirm]")).click();
        assertThat(waitForText(By.id("state"), "abled")).isEqualTo("Disabled");

        // A bank transfer: the billing details, then the invoice the operator issues, to download.
        open("/account", WIDTHS.get("desktop"));
        type("amount", "500");
        browser.findElement(By.cssSelector("input[name=provider][value=bank-transfer]")).click();
        type("billingDetails.name", "Jenny Journey");
        type("billingDetails.address", "1 Main Street\nDublin");
        new Select(browser.findElement(By.id("billingDetails.country"))).selectByValue("IE");
        submit("/account/top-ups");
        assertThat(waitForText(By.id("status"), "Waiting")).isEqualTo("Waiting for your payment");
        String topUp = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(distribution.run("dms:invoice-issue " + topUp)).contains("issued");
        browser.navigate().refresh();
        WebElement invoice = waitFor(By.cssSelector("a[download]"));
        checkPage("journey-19-bank-transfer");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(invoice.getAttribute("href")))
                .header("Cookie", cookies()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // A link that does not work says what to do.
        open("/verify?token=expired-or-made-up", WIDTHS.get("desktop"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");
        checkPage("journey-20-link-invalid");

        // Contact Us, then signing out.
        open("/#contact", WIDTHS.get("desktop"));
        type("contact-name", "Jenny Journey");
        type("contact-email", email);
        type("contact-message", "How do I point my routers at the instance?");
        browser.findElement(By.cssSelector("form.contact button")).click();
        waitForText(By.tagName("main"), "We have your message");
        checkPage("journey-21-contact-sent");
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        waitFor(By.linkText("Sign in"));

        // Another tenant's host: its own brand and catalog.
        assertThat(distribution.run("dms:tenant-create --name \"Acme Browser\" --host " + ACME_HOST + " --brand \"Acme Browser DMS\" --support support@acme-browser.example "
                + "--mail-from noreply@acme-browser.example --portal-url http://" + ACME_HOST + " --catalog business,usp acmebrw")).contains("acmebrw");
        String acme = "http://" + ACME_HOST + ":" + distribution.httpPort() + "/";
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> {
            page.get(acme);
            return page.getTitle().startsWith("Acme Browser DMS");
        });
        assertThat(browser.findElement(By.id("packages")).getText()).contains("Business").doesNotContain("Starter");
        checkPage("journey-22-other-tenant");
    }

    private static void createInstance(String name, String packageId, String devices) {
        type("name", name);
        new Select(browser.findElement(By.id("package"))).selectByValue(packageId);
        type("devices", devices);
        browser.findElement(By.cssSelector("button[name=step][value=quote]")).click();
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void submit(String action) {
        browser.findElement(By.cssSelector("form[action='" + action + "'] button[type=submit]")).click();
    }

    /** The charge the confirmation page quotes ("This charges €0.62 to your balance now, ..."): "€0.62". */
    private static String quotedCharge() {
        String effect = waitForText(By.id("effect"), "This ");
        assertThat(effect).startsWith("This charges €");
        return effect.substring("This charges ".length(), effect.indexOf(' ', "This charges ".length()));
    }

    /**
     * Confirms the quoted charge and answers the charge made. A charge for the rest of the day is prorated to the
     * second (R6), so it drops a cent about every minute: a confirmation that comes after such a drop is refused (R11)
     * with the new quote, and the customer confirms again, as the page asks.
     */
    private static String confirmQuotedCharge(String charge) {
        for (int attempt = 0; attempt < 3; attempt++) {
            WebElement confirm = waitFor(By.cssSelector("button[name=step][value=confirm]"));
            confirm.click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(confirm));
            List<WebElement> refused = browser.findElements(By.cssSelector("p.error[role=alert]"));
            if (refused.isEmpty()) {
                return charge;
            }
            assertThat(refused.get(0).getText()).as("the only refusal expected here").startsWith("The amount changed since it was shown");
            String requoted = quotedCharge();
            assertThat(requoted).as("the new quote").isNotEqualTo(charge);
            charge = requoted;
        }
        throw new AssertionError("the quote changed on every confirmation");
    }

    private static WebElement waitFor(By element) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(page -> page.findElements(element).stream().findFirst().orElse(null));
    }

    /**
     * The element's text once it holds this: the page may still be the one before a click, or reload itself, so the
     * element is found again on each try.
     */
    private static String waitForText(By element, String expected) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(page -> page.findElements(element).stream().map(BrowserIT::textUnlessGone).filter(text -> text.contains(expected)).findFirst()
                        .orElse(null));
    }

    /**
     * The element's text, or nothing when its page was replaced meanwhile: chromedriver says so as a stale element or,
     * when the new document is being built, as an inspector error that the node "does not belong to the document".
     */
    private static String textUnlessGone(WebElement element) {
        try {
            return element.getText();
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e instanceof org.openqa.selenium.StaleElementReferenceException
                    || String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return "";
            }
            throw e;
        }
    }

    /** The browser's cookies for this host, as a Cookie header. */
    private static String cookies() {
        return browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    /**
     * The page as every page must be: no serious or critical violation of axe-core's rules; every link, button and
     * field reached with the Tab key alone; no sideways scrolling on a phone; kept as a screenshot at both widths.
     */
    private static void checkPage(String name) throws IOException {
        keyboardReachesEverything(name);
        Dimension before = browser.manage().window().getSize();
        for (Map.Entry<String, Dimension> width : WIDTHS.entrySet()) {
            browser.manage().window().setSize(width.getValue());
            axe(name + " at " + width.getKey() + " width");
            assertThat((Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as(name + ": no sideways scrolling at " + width.getKey() + " width").isTrue();
            screenshot(name + "-" + width.getKey());
        }
        browser.manage().window().setSize(before);
    }

    /** axe-core's rules on the page as it is laid out now: no serious or critical violation; lesser ones are printed. */
    private static void axe(String page) {
        // Legacy mode runs axe in the page itself; the default mode merges the results of every frame in a blank window
        // that it opens for each analysis (a quarter of axe's time here), and the portal's pages have no frames.
        Results results = new AxeBuilder().setLegacyMode().analyze(browser);
        List<Rule> serious = results.getViolations().stream().filter(rule -> List.of("serious", "critical").contains(rule.getImpact())).toList();
        assertThat(serious).as(page + ": " + describe(serious)).isEmpty();
        if (!results.getViolations().isEmpty()) {
            System.out.println("BrowserIT, axe-core's lesser findings on " + page + ": " + describe(results.getViolations()));
        }
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getId() + " [" + rule.getImpact() + "] (" + rule.getHelp() + ") at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** Tabs through the page from its top: every link, button and field (a radio group once) takes the focus. */
    private static void keyboardReachesEverything(String name) {
        long count = (Long) script("const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')];"
                + "const tabbable = all.filter(e => e.type !== 'radio' || e === (document.querySelector('input[type=radio][name=\"' + e.name + '\"]:checked')"
                + " || document.querySelector('input[type=radio][name=\"' + e.name + '\"]')));"
                + "all.forEach(e => delete e.dataset.tab); tabbable.forEach((e, i) => e.dataset.tab = i);"
                + "if (document.activeElement) { document.activeElement.blur(); } window.scrollTo(0, 0); return tabbable.length;");
        // Real Tab key presses, all sent in one go; the page notes each element that took the focus.
        script("window.dmsTabbed = new Set(); if (!window.dmsTabListener) { window.dmsTabListener = true;"
                + " document.addEventListener('focusin', e => { if (e.target.dataset && e.target.dataset.tab !== undefined) { window.dmsTabbed.add(e.target.dataset.tab); } }, true); }");
        org.openqa.selenium.interactions.Actions presses = new org.openqa.selenium.interactions.Actions(browser);
        for (int i = 0; i < count * 2 + 5; i++) {
            presses.sendKeys(Keys.TAB);
        }
        presses.perform();
        @SuppressWarnings("unchecked")
        java.util.Set<String> reached = new java.util.HashSet<>((List<String>) script("return [...window.dmsTabbed];"));
        assertThat(reached).as(name + ": elements the Tab key reaches, of " + count).hasSize((int) count);
    }

    private static void open(String path, Dimension size) {
        browser.manage().window().setSize(size);
        browser.get(distribution.uri(path).toString());
    }

    /** Presses Tab until the element with this id has the focus (any element, for null), and answers it. */
    private static WebElement tabTo(String id) {
        for (int i = 0; i < 40; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            if (id == null || id.equals(focused.getAttribute("id"))) {
                return focused;
            }
        }
        throw new AssertionError("the keyboard does not reach #" + id);
    }

    private static WebElement tabToCheckbox(String value) {
        for (int i = 0; i < 20; i++) {
            WebElement focused = tabTo(null);
            if ("checkbox".equals(focused.getAttribute("type")) && value.equals(focused.getAttribute("value"))) {
                return focused;
            }
        }
        throw new AssertionError("the keyboard does not reach the option " + value);
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    /** The whole page at the window's width: the window is made as tall as the page first. */
    private static void screenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        long height = (Long) script("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.max(size.getHeight(), height + 120)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(size);
    }
}
