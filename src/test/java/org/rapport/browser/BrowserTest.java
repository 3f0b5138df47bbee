package org.rapport.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.rapport.support.IntegrationTest;

/**
 * Base of the real-browser tests: the whole application (see {@link IntegrationTest}) and one
 * headless Debian Chromium per test class, driven by Playwright with its own browser download
 * switched off.
 */
abstract class BrowserTest extends IntegrationTest {

	protected static Playwright playwright;

	protected static Browser browser;

	@BeforeAll
	static void launch() {
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(chromium())
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	/** Debian's Chromium, or the one RAPPORT_CHROMIUM names. */
	static Path chromium() {
		String configured = System.getenv("RAPPORT_CHROMIUM");
		Path path = Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException("Chromium not found at " + path
					+ ": install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set RAPPORT_CHROMIUM");
		}
		return path;
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	/** A new page in the context, signed in with the login form. */
	protected Page signedIn(BrowserContext context, String username, String password) {
		Page page = context.newPage();
		page.navigate(api.base() + "/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("button[type=submit]").click();
		return page;
	}

}
