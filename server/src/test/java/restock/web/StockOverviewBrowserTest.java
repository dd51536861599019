package restock.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import restock.cli.Demo;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An operations person opens the home page, enters the API key and sees every SKU with its state. */
class StockOverviewBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void the_stock_overview_lists_the_demo_shop_with_statuses() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) || System.getenv("CI") != null,
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            Demo.loadIfEmpty(api.restock());
            ApiClient client = api.client();
            WebDriver browser = browser();
            try {
                browser.get(client.baseUrl() + "/");
                assertThat(browser.findElement(By.id("cards")).isDisplayed()).as("no figures before a key is given").isFalse();
                browser.findElement(By.id("key")).sendKeys(RunningApi.API_KEY);
                browser.findElement(By.cssSelector("#keyForm button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#stock tbody tr"), 36));
                List<WebElement> statuses = browser.findElements(By.cssSelector("#stock tbody .status"));
                assertThat(statuses).extracting(WebElement::getText).contains("In stock", "Backordered");
                // The demo replays a year, so its closing state is what that year left: the cards must match the API.
                var rows = client.get("/api/stock?limit=200").json().path("items");
                int out = 0;
                int incoming = 0;
                for (var row : rows) {
                    var stock = row.has("stock") ? row.path("stock") : row;
                    if (stock.path("incoming").asInt() > 0) {
                        incoming++;
                    }
                    if (stock.path("backordered").asInt() == 0 && stock.path("available").asInt() == 0 && stock.path("incoming").asInt() == 0) {
                        out++;
                    }
                }
                assertThat(incoming).isPositive();
                assertThat(browser.findElement(By.id("out")).getText()).isEqualTo(Integer.toString(out));
                assertThat(browser.findElement(By.id("incoming")).getText()).isEqualTo(Integer.toString(incoming));
                File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(screenshot.toPath(), Path.of("target", "stock-overview.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

                browser.navigate().refresh();
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#stock tbody tr"), 36));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void a_wrong_key_is_explained_on_the_page() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) || System.getenv("CI") != null,
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            WebDriver browser = browser();
            try {
                browser.get(api.client().baseUrl() + "/");
                browser.findElement(By.id("key")).sendKeys("wrong-key");
                browser.findElement(By.cssSelector("#keyForm button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "not valid"));
                assertThat(browser.findElement(By.id("stock")).isDisplayed()).isFalse();
            } finally {
                browser.quit();
            }
        }
    }

    private static WebDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("restock-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
