package org.rapport.service;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The service pages render in English and Chinese, and their forms work with the session and CSRF token. */
class ServicePagesIntegrationTests extends IntegrationTest {

	@Test
	void pagesRenderInBothLanguagesAndFormsWork() {
		String admin = admin();
		long contact = ServiceFixtures.contact(api, admin, Api.unique("page") + "@example.com");
		Browser b = new Browser(api.base());
		b.login("admin", ADMIN_PASSWORD);
		Response form = b.get("/tickets/new?contactId=" + contact);
		assertThat(form.status()).isEqualTo(200);
		String subject = Api.unique("From the page");
		Response created = b.postForm("/tickets", Map.of("_csrf", Browser.csrf(form.text()), "subject", subject,
				"description", "typed in the form", "contactId", Long.toString(contact), "priority", "high", "channel",
				"phone", "type", "complaint", "severity", "major", "rootCause", "late-delivery", "tags", "vip, 紧急"));
		assertThat(created.status()).as(created.text()).isEqualTo(302);
		String location = created.header("Location");
		assertThat(location).matches(".*/tickets/\\d+$");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Response page = b.get("/tickets/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains(subject).contains("Time left").contains("Complaint");

		Response note = b.postForm("/tickets/" + id + "/replies", Map.of("_csrf", Browser.csrf(page.text()), "body",
				"Called the customer back.", "kind", "note"));
		assertThat(note.status()).isEqualTo(302);
		Response status = b.postForm("/tickets/" + id + "/status", Map.of("_csrf", Browser.csrf(page.text()), "version",
				api.get("/api/v1/tickets/" + id, admin).etag().replace("\"", ""), "status", "pending_customer"));
		assertThat(status.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/tickets/" + id, admin).json().get("status").asString()).isEqualTo("pending_customer");
		assertThat(api.get("/api/v1/tickets/" + id, admin).json().get("tags").toString()).contains("紧急");

		for (String path : new String[] { "/tickets", "/tickets?view=all", "/tickets?view=queue", "/tickets/" + id,
				"/tickets/" + id + "?tab=history", "/reports/service", "/service/setup" }) {
			Response en = b.get(path + (path.contains("?") ? "&" : "?") + "lang=en");
			assertThat(en.status()).as(path).isEqualTo(200);
			Response zh = b.get(path + (path.contains("?") ? "&" : "?") + "lang=zh-CN");
			assertThat(zh.status()).as(path).isEqualTo(200);
			assertThat(zh.text()).as(path).containsAnyOf("工单", "客服", "满意度");
		}
		assertThat(b.get("/tickets/" + id + "?lang=zh-CN").text()).contains("等待客户").contains("计时已暂停");
		Response contactPage = b.get("/contacts/" + contact + "?lang=en");
		assertThat(contactPage.text()).contains("/reports/service?contactId=" + contact);
		Response forContact = b.get("/reports/service?contactId=" + contact);
		assertThat(forContact.status()).isEqualTo(200);
		assertThat(forContact.text()).contains(subject).contains("id=\"scope-tickets\"");
		// sharing from the ticket page: the shared user then sees the ticket, and loses it when unshared
		Response sharing = b.get("/tickets/" + id + "?tab=sharing&lang=en");
		assertThat(sharing.status()).isEqualTo(200);
		assertThat(sharing.text()).contains("Not shared");
		String agentName = Api.unique("agent");
		Response agent = api.post("/api/v1/users", admin, Map.of("username", agentName, "displayName", "Shared Agent",
				"password", "agent-password-123", "role", "SUPPORT_AGENT"));
		assertThat(agent.status()).as(agent.text()).isEqualTo(201);
		String agentToken = api.token(agentName, "agent-password-123");
		assertThat(api.get("/api/v1/tickets/" + id, agentToken).status()).isEqualTo(404);
		Response shared = b.postForm("/tickets/" + id + "/shares", Map.of("_csrf", Browser.csrf(sharing.text()), "userId",
				Long.toString(agent.id()), "access", "read"));
		assertThat(shared.status()).isEqualTo(302);
		assertThat(b.get("/tickets/" + id + "?tab=sharing&lang=zh-CN").text()).contains("Shared Agent");
		assertThat(api.get("/api/v1/tickets/" + id, agentToken).status()).isEqualTo(200);
		Response unshared = b.postForm("/tickets/" + id + "/shares/" + agent.id() + "/delete",
				Map.of("_csrf", Browser.csrf(sharing.text())));
		assertThat(unshared.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/tickets/" + id, agentToken).status()).isEqualTo(404);
		Response publicForm = new Browser(api.base()).get("/forms/ticket?lang=zh-CN");
		assertThat(publicForm.text()).contains("寻求帮助");
	}

}
