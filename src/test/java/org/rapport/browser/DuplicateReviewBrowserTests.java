package org.rapport.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * The duplicate review page for accounts in a real browser: "Scan now" starts a scan whose card is
 * polled until done, the pair of accounts is merged and the merge undone; then the page in Chinese.
 */
class DuplicateReviewBrowserTests extends BrowserTest {

	@Test
	void scansMergesAndUndoesAccountsInBothLanguages() {
		String token = admin();
		String tag = Long.toString(System.nanoTime() % 100_000_000L);
		long kept = api.post("/api/v1/accounts", token, Map.of("name", "Quayside " + tag + " Ltd", "website",
				"https://quay" + tag + ".example")).id();
		long gone = api.post("/api/v1/accounts", token, Map.of("name", "Quayside " + tag + " Limited", "website",
				"https://www.quay" + tag + ".example/en")).id();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.getByLabel("User name").fill("admin");
			page.getByLabel("Password").fill(ADMIN_PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate(api.base() + "/data/duplicates?entity=accounts");
			page.locator("#scan-now").click();
			assertThat(page.locator("#scan-status")).hasText("Done", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
			page.navigate(api.base() + "/data/duplicates?entity=accounts");
			Locator row = page.locator("#duplicates-table tr", new Page.LocatorOptions().setHasText("Quayside " + tag));
			assertThat(row).hasCount(1);
			row.getByText("Merge, keep the first").click();
			assertThat(page.locator("#flash")).containsText("The records were merged.");
			assertThat(page.locator("#duplicates-table")).not().containsText("Quayside " + tag);
			org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/accounts/" + Math.max(kept, gone), token).status())
				.isEqualTo(404);
			page.locator("#undo-merge").click();
			assertThat(page.locator("#flash")).containsText("The merge was undone.");
			assertThat(page.locator("#duplicates-table")).containsText("Quayside " + tag);
			org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/accounts/" + Math.max(kept, gone), token).status())
				.isEqualTo(200);

			page.navigate(api.base() + "/data/duplicates?entity=accounts&lang=zh-CN");
			assertThat(page.locator("#scan")).containsText("最近一次扫描");
			assertThat(page.locator("#scan-now")).hasText("立即扫描");
			assertThat(page.locator("#scan-status")).hasText("已完成");
		}
	}

}
