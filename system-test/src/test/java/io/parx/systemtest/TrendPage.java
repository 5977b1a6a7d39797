package io.parx.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a test reads and does on the trend viewer ({@code /trends}): the page publishes
 * the query its plot answers, the points per series and the plot's x range as
 * {@code data-*} attributes, so a test can tell a new query and more detail from the same
 * picture.
 */
final class TrendPage {

	private final Browser browser;

	TrendPage(Browser browser) {
		this.browser = browser;
	}

	/** The page's URL query, decoded. */
	Map<String, String> params() {
		String query = URI.create(this.browser.driver.getCurrentUrl()).getRawQuery();
		Map<String, String> params = new LinkedHashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				String[] parts = pair.split("=", 2);
				params.put(decode(parts[0]), (parts.length > 1) ? decode(parts[1]) : "");
			}
		}
		return params;
	}

	/**
	 * Waits until the plot shows the answer to a query sent after {@code requestsBefore}
	 * queries, with points for every series of the legend.
	 */
	void awaitAnswer(long requestsBefore) {
		// the page re-renders while answers arrive: an element read a moment ago may be
		// gone
		this.browser.await(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until((driver) -> {
			List<WebElement> viewers = this.browser.all("[data-testid=trend-viewer]");
			if (viewers.isEmpty()) {
				return false;
			}
			WebElement viewer = viewers.get(0);
			Map<String, Integer> counts = counts(viewer);
			return Long.parseLong(viewer.getDomAttribute("data-requests")) > requestsBefore
					&& "false".equals(viewer.getDomAttribute("data-loading")) && !counts.isEmpty()
					&& counts.values().stream().allMatch((count) -> count > 0)
					&& counts.keySet().equals(Set.copyOf(legend()));
		});
	}

	/** The keys of the plotted series in legend order: c12 (channel), d3 (derived). */
	List<String> legend() {
		return this.browser.all("[data-testid=legend-item]")
			.stream()
			.map((item) -> item.getDomAttribute("data-key"))
			.toList();
	}

	/** Points with a value per series key, as drawn. */
	Map<String, Integer> counts() {
		return counts(viewer());
	}

	long requests() {
		return Long.parseLong(viewer().getDomAttribute("data-requests"));
	}

	/** The range of the query the plot answers. */
	Instant queryFrom() {
		return Instant.parse(viewer().getDomAttribute("data-query-from"));
	}

	Instant queryTo() {
		return Instant.parse(viewer().getDomAttribute("data-query-to"));
	}

	/** The query's maxPoints: the plot's width in pixels. */
	int maxPoints() {
		return Integer.parseInt(viewer().getDomAttribute("data-max-points"));
	}

	/** Points on the shared x axis (the union of every series' times). */
	int points() {
		return Integer.parseInt(viewer().getDomAttribute("data-points"));
	}

	/**
	 * The right edge of the plot, seconds (since the epoch, or since a batch's start).
	 */
	double xMax() {
		return Double.parseDouble(this.browser.find("[data-testid=trend-plot]").getDomAttribute("data-x-max"));
	}

	double xMin() {
		return Double.parseDouble(this.browser.find("[data-testid=trend-plot]").getDomAttribute("data-x-min"));
	}

	String source() {
		return this.browser.find("[data-testid=trend-source]").getText();
	}

	/**
	 * Drags a box over the plot from {@code from} to {@code to}, as shares of its width,
	 * in small steps as a hand would.
	 */
	void dragBox(double from, double to) {
		WebElement plot = this.browser.find("[data-testid=trend-plot] .u-over");
		int width = plot.getSize().getWidth();
		int start = (int) Math.round(width * from);
		int end = (int) Math.round(width * to);
		Actions actions = new Actions(this.browser.driver).moveToElement(plot, start - width / 2, 0).clickAndHold();
		int steps = 5;
		for (int step = 1; step <= steps; step++) {
			actions.moveByOffset((end - start) / steps, 0);
		}
		actions.release().perform();
	}

	/** Clicks a channel of the picker's search results by its name. */
	void pickChannel(String name) {
		By result = By.xpath("//button[@data-testid='channel-result'][span[1][normalize-space(.)='" + name + "']]");
		this.browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(result)).click();
		this.browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(result));
	}

	/** The formula's characters before a syntax error mark, as the page draws them. */
	int markedPosition(WebElement mark) {
		return ((Number) this.browser.script("""
				let n = 0;
				for (let node = arguments[0].previousSibling; node; node = node.previousSibling) {
				  n += node.textContent.length;
				}
				return n;""", mark)).intValue();
	}

	/** A batch's row in the (open) batch panel after searching for it. */
	WebElement batchRow(String search, long id) {
		this.browser.find("[data-testid=batch-search]").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, search);
		return this.browser.find("[data-testid=batch-row][data-batch-id='" + id + "']");
	}

	/** A file the browser has finished downloading, by its extension. */
	Path awaitDownload(String extension) {
		Path[] found = new Path[1];
		this.browser.await(Duration.ofSeconds(30)).until((driver) -> {
			try (Stream<Path> files = Files.list(this.browser.downloads)) {
				List<Path> all = files.toList();
				boolean partial = all.stream().anyMatch((file) -> file.toString().endsWith(".crdownload"));
				found[0] = all.stream().filter((file) -> file.toString().endsWith(extension)).findFirst().orElse(null);
				return !partial && found[0] != null && Files.size(found[0]) > 0;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return found[0];
	}

	private WebElement viewer() {
		return this.browser.find("[data-testid=trend-viewer]");
	}

	private static Map<String, Integer> counts(WebElement viewer) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		String series = viewer.getDomAttribute("data-series");
		if (series != null && !series.isBlank()) {
			for (String entry : series.split(",")) {
				String[] parts = entry.split(":");
				counts.put(parts[0], Integer.parseInt(parts[1]));
			}
		}
		return counts;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
