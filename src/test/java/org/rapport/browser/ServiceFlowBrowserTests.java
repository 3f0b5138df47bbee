package org.rapport.browser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.TestUser;
import org.rapport.support.TestDatabase;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service flow in a real browser: a customer opens a ticket on the public form, an agent answers
 * and resolves it, the customer answers the satisfaction survey from the mail they got, and the score
 * shows on the agent's service dashboard.
 */
class ServiceFlowBrowserTests extends BrowserTest {

	private static final Pattern LINK = Pattern.compile("/forms/survey/([A-Za-z0-9_-]{43})");

	@Test
	void publicTicketAnsweredResolvedRatedAndOnTheDashboard() throws SQLException {
		String admin = admin();
		TestUser agent = api.newUser(admin, "SUPPORT_AGENT", null);
		String unique = Long.toString(System.nanoTime() % 100_000_000L);
		String email = "lin" + unique + "@customer.example";
		String subject = "Invoice missing " + unique;
		String reference;
		try (BrowserContext customer = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = customer.newPage();
			page.navigate(api.base() + "/forms/ticket");
			page.locator("#lastName").fill("林");
			page.locator("#firstName").fill("Mei");
			page.locator("#email").fill(email);
			page.locator("#subject").fill(subject);
			page.locator("#description").fill("I cannot find my November invoice.");
			page.locator("#public-ticket-submit").click();
			assertThat(page.locator("#ticket-reference")).isVisible();
			reference = page.locator("#ticket-reference").textContent().strip();
		}
		long ticketId = Long.parseLong(reference.substring(2));
		// the supervisor hands it to the agent
		Api.Response t = api.get("/api/v1/tickets/" + ticketId, admin);
		assertThat(t.json().get("subject").asString()).isEqualTo(subject);
		api.patch("/api/v1/tickets/" + ticketId, admin, t.etag(), Map.of("assigneeId", agent.id()));

		try (BrowserContext agentSession = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = agentSession.newPage();
			page.navigate(api.base() + "/login");
			page.getByLabel("User name").fill(agent.username());
			page.getByLabel("Password").fill(agent.password());
			page.locator("button[type=submit]").click();
			page.navigate(api.base() + "/tickets");
			page.locator("#ticket-list").getByText(subject).click();
			assertThat(page.locator("#ticket-subject")).hasText(subject);
			page.locator("#reply-body").fill("Here it is: it was sent to your old address. 已重新发送。");
			page.locator("#reply-send").click();
			assertThat(page.locator("#thread")).containsText("已重新发送");
			assertThat(page.locator("#ticket-status")).hasText("Open");
			page.locator("#move-resolved").click();
			assertThat(page.locator("#ticket-status")).hasText("Resolved");

			// the customer answers the survey from the mail Rapport sent
			String token = surveyToken(ticketId);
			try (BrowserContext customer = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
				Page survey = customer.newPage();
				survey.navigate(api.base() + "/forms/survey/" + token);
				survey.locator("label[for=score-5]").click();
				survey.locator("#comment").fill("Fast and friendly");
				survey.locator("#survey-submit").click();
				assertThat(survey.locator("#survey-thanks")).isVisible();
				survey.navigate(api.base() + "/forms/survey/" + token);
				assertThat(survey.locator("#survey-unavailable")).isVisible();
			}

			page.navigate(api.base() + "/tickets/" + ticketId);
			assertThat(page.locator("#ticket-surveys")).containsText("5");
			page.navigate(api.base() + "/reports/service");
			assertThat(page.locator("#kpi-csat")).hasText("5.00");
			assertThat(page.locator("#by-agent")).containsText(agent.username());
		}
	}

	private static String surveyToken(long ticketId) throws SQLException {
		try (Connection c = TestDatabase.connect();
				PreparedStatement s = c.prepareStatement(
						"select body from service_outbox where ticket_id = ? and subject like '%How did we do%' order by id desc")) {
			s.setLong(1, ticketId);
			try (ResultSet rs = s.executeQuery()) {
				assertThat(rs.next()).isTrue();
				Matcher m = LINK.matcher(rs.getString(1));
				assertThat(m.find()).isTrue();
				return m.group(1);
			}
		}
	}

}
