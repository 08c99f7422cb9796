package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    private static DistributionProcess distribution;
    private static WebDriver browser;

    @BeforeClass
    public static void start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromedriver (apt-get install chromium chromium-driver)").isTrue();
        distribution = DistributionProcess.start("browser", Integer.parseInt(DmsCloudTestSupport.freePort()), Map.of());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox: CI runs as root, where chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en");
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
            open(page, WIDTHS.get("desktop"));
            Results results = new AxeBuilder().analyze(browser);
            List<Rule> serious = results.getViolations().stream().filter(rule -> List.of("serious", "critical").contains(rule.getImpact())).toList();
            assertThat(serious).as(page + ": " + serious.stream().map(rule -> rule.getId() + " (" + rule.getHelp() + ") at "
                    + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "))).isEmpty();
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
