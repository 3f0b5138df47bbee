package org.rapport.browser;

import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.rapport.support.Api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentiment in a real browser: an agent corrects the sentiment the ticket page shows (htmx swaps the
 * badge in place, marked as corrected), and the account's page links to its sentiment by month.
 */
class SentimentBrowserTests extends BrowserTest {

	@Test
	void agentCorrectsATicketsSentimentAndSeesTheAccountTrend() {
		String admin = admin();
		long account = api.post("/api/v1/accounts", admin, Map.of("name", Api.unique("Sentiment Co"))).id();
		long contact = api.post("/api/v1/contacts", admin,
				Map.of("firstName", "Sam", "lastName", Api.unique("Sarcastic"), "accountId", account))
			.id();
		long ticket = api.post("/api/v1/tickets", admin, Map.of("subject", "Great", "description",
				"Oh great, wonderful, another week without my order.", "contactId", contact, "priority", "normal",
				"channel", "email"))
			.id();

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.getByLabel("User name").fill("admin");
			page.getByLabel("Password").fill(ADMIN_PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate(api.base() + "/tickets/" + ticket);
			assertThat(page.locator("#sentiment-description .sentiment-label")).hasText("Positive");
			assertThat(page.locator("#sentiment-description .sentiment-corrected")).hasCount(0);
			page.getByLabel("Correct the sentiment").selectOption("negative");
			page.locator("#sentiment-description button[type=submit]").click();
			assertThat(page.locator("#sentiment-description .sentiment-corrected")).hasText("Corrected by an agent");
			assertThat(page.locator("#sentiment-description .sentiment-label")).hasText("Negative");
			assertThat(page).hasURL(api.base() + "/tickets/" + ticket); // swapped in place, no reload
			assertThat(api.get("/api/v1/tickets/" + ticket + "/sentiment", admin).json().get("description").get("label")
				.asString()).isEqualTo("negative");

			page.navigate(api.base() + "/accounts/" + account);
			page.locator("#account-sentiment").click();
			assertThat(page.locator("h1")).containsText("Sentiment of");
			assertThat(page.locator("#sentiment-trend tbody tr").last().locator(".negative")).hasText("1");

			page.navigate(api.base() + "/tickets/" + ticket + "?lang=zh-CN");
			assertThat(page.locator("#sentiment-description .sentiment-label")).hasText("负面");
			assertThat(page.locator("#sentiment-description .sentiment-corrected")).hasText("已由客服更正");
		}
	}

}
