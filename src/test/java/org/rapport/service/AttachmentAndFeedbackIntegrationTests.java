package org.rapport.service;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;

/** Attachments are limited and only ever downloaded; customers leave feedback on their own tickets only. */
class AttachmentAndFeedbackIntegrationTests extends IntegrationTest {

	private Response upload(String token, long ticket, String name, String type, byte[] data) {
		String boundary = "----rapport" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(data);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return api.send(HttpRequest.newBuilder(api.uri("/api/v1/tickets/" + ticket + "/attachments"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary), token, Map.of());
	}

	@Test
	void attachmentsAreDownloadsOnlyAndLimitedInTypeAndSize() {
		String admin = admin();
		long ticket = api.post("/api/v1/tickets", admin, Map.of("subject", "With files")).id();
		byte[] pdf = "%PDF-1.4 <html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
		Response up = upload(admin, ticket, "报告 report.pdf", "text/html", pdf);
		assertThat(up.status()).as(up.text()).isEqualTo(201);
		long id = up.id();
		Response down = api.get("/api/v1/tickets/" + ticket + "/attachments/" + id, admin);
		assertThat(down.status()).isEqualTo(200);
		assertThat(down.header("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(down.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
		assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(down.text()).isEqualTo(new String(pdf, StandardCharsets.UTF_8));
		JsonNode list = api.get("/api/v1/tickets/" + ticket + "/attachments", admin).json().get("items");
		assertThat(list.get(0).get("fileName").asString()).isEqualTo("报告 report.pdf");

		assertProblem(upload(admin, ticket, "page.html", "text/html", "<h1>x</h1>".getBytes()), 415);
		assertProblem(upload(admin, ticket, "logo.svg", "image/svg+xml", "<svg/>".getBytes()), 415);
		assertProblem(upload(admin, ticket, "run.exe", "application/octet-stream", new byte[] { 77, 90 }), 415);
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		Arrays.fill(big, (byte) 'a');
		assertProblem(upload(admin, ticket, "big.txt", "text/plain", big), 413);
		assertProblem(upload(admin, ticket, "empty.txt", "text/plain", new byte[0]), 400);

		String outsider = api.newUser(admin, "SUPPORT_AGENT", null).token();
		assertProblem(api.get("/api/v1/tickets/" + ticket + "/attachments/" + id, outsider), 404);
		assertProblem(upload(outsider, ticket, "x.txt", "text/plain", "x".getBytes()), 404);
	}

	@Test
	void customersLeaveFeedbackOnTheirOwnTicketsOnly() {
		String admin = admin();
		String email = Api.unique("fb") + "@example.com";
		long contact = ServiceFixtures.contact(api, admin, email);
		long ticket = api.post("/api/v1/tickets", admin, Map.of("subject", "Feedback please", "contactId", contact)).id();
		Response ok = form("/forms/feedback", "reference=T-" + ticket + "&email=" + Api.q(email.toUpperCase())
				+ "&feedback=" + Api.q("Very patient agent. 很耐心。"));
		Response wrong = form("/forms/feedback", "reference=T-" + ticket + "&email=" + Api.q("someone@else.example")
				+ "&feedback=" + Api.q("Spam spam"));
		Response unknown = form("/forms/feedback", "reference=T-999999999&email=" + Api.q(email) + "&feedback=hello");
		assertThat(ok.status()).isEqualTo(200);
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(ok.text()).as("the page reveals nothing about matching").isEqualTo(wrong.text());
		String thread = api.get("/api/v1/tickets/" + ticket + "/replies", admin).text();
		assertThat(thread).contains("Very patient agent. 很耐心。").doesNotContain("Spam spam").contains("\"feedback\":true");
		assertThat(form("/forms/feedback", "reference=T-" + ticket + "&email=" + Api.q(email) + "&feedback=").status())
			.isEqualTo(200);
	}

	private Response form(String path, String body) {
		return api.send(HttpRequest.newBuilder(api.uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Content-Type", "application/x-www-form-urlencoded"), null, Map.of("Accept", "text/html"));
	}

}
