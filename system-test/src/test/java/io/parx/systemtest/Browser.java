package io.parx.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless by Debian's chromedriver (packages {@code chromium}
 * and {@code chromium-driver}; {@code .ci/run} installs them): the browser is never
 * downloaded. {@code PARX_CHROMIUM} and {@code PARX_CHROMEDRIVER} point elsewhere when
 * needed.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PARX_CHROMIUM", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("PARX_CHROMEDRIVER", "/usr/bin/chromedriver"));

	final ChromeDriver driver;

	final Path downloads;

	private final String base;

	private final Path screenshots;

	/**
	 * A fresh browser profile (no tokens of an earlier test) with a laptop's window size.
	 */
	Browser(String base, Path screenshots) throws IOException {
		for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(binary)) {
				throw new IllegalStateException(binary
						+ " is missing: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
			}
		}
		this.base = base;
		this.screenshots = Files.createDirectories(screenshots);
		this.downloads = Files.createTempDirectory("parx-browser-downloads-");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
		// The machine has no internet: without the background flags Chromium keeps trying
		// to reach Google.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--window-size=1366,768",
				"--user-data-dir=" + Files.createTempDirectory("parx-browser-profile-"));
		// Several downloads from one page (the trend viewer's CSV and then XLSX) are
		// allowed
		// without asking.
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", this.downloads.toString(), "download.prompt_for_download", false,
						"profile.default_content_setting_values.automatic_downloads", 1));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	void open(String path) {
		this.driver.get(this.base + path);
	}

	String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	/** Signs in on the sign-in page the app is showing. */
	void signIn(String username, String password) {
		await(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		await(Duration.ofSeconds(20)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("[data-testid=current-user]"), username));
	}

	void signOut() {
		button("Sign out").click();
		await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
	}

	WebElement find(String css) {
		return await(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** Replaces what the input of this id holds with the text, as a user types it. */
	void type(String id, String text) {
		WebElement input = find("#" + id);
		// select and delete what is there: clear() does not fire the input event React
		// listens to
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		input.sendKeys(text);
	}

	/** Chooses the option of this value in the select of this id. */
	void select(String id, String value) {
		new Select(find("#" + id)).selectByValue(value);
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/** A visible button by its text. */
	WebElement button(String text) {
		return await(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(
				By.xpath("//button[normalize-space(.)='" + text + "' or @aria-label='" + text + "']")));
	}

	WebDriverWait await(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.pollingEvery(Duration.ofMillis(100));
		return wait;
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Saves what the user sees as {@code <name>.png} under target/screenshots. */
	Path screenshot(String name) {
		try {
			Path file = this.screenshots.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
