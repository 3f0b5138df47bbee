package org.rapport.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail in and out against a real SMTP and IMAP server in-process (GreenMail): a mail to the support
 * mailbox opens one ticket, Rapport's answer goes out by SMTP, the customer's reply lands on the same
 * ticket, auto-replies and bounces open nothing, and HTML arrives as plain text.
 */
class MailIntegrationTests extends IntegrationTest {

	private static final String SUPPORT = "support@rapport.test";

	@Autowired
	ServiceMailbox mailbox;

	private GreenMail mail;

	private ServiceSettings.Mail settings;

	private Session smtp;

	@BeforeEach
	void startMailServer() {
		mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
		mail.start();
		mail.setUser(SUPPORT, "support", "secret");
		int smtpPort = mail.getSmtp().getPort();
		int imapPort = mail.getImap().getPort();
		settings = new ServiceSettings.Mail(true, SUPPORT, "localhost", smtpPort, null, null, "localhost", imapPort,
				"support", "secret", "INBOX", 60);
		Properties p = new Properties();
		p.put("mail.smtp.host", "localhost");
		p.put("mail.smtp.port", Integer.toString(smtpPort));
		smtp = Session.getInstance(p);
	}

	@AfterEach
	void stopMailServer() {
		mail.stop();
	}

	private MimeMessage message(String from, String subject, String text, Map<String, String> headers) throws Exception {
		MimeMessage m = new MimeMessage(smtp);
		m.setFrom(new InternetAddress(from));
		m.setRecipients(Message.RecipientType.TO, SUPPORT);
		m.setSubject(subject, "UTF-8");
		m.setText(text, "UTF-8");
		for (var h : headers.entrySet()) {
			m.setHeader(h.getKey(), h.getValue());
		}
		return m;
	}

	private void send(MimeMessage m) throws Exception {
		Transport.send(m);
	}

	private long ticketsOf(String admin, long contactId) {
		return api.get("/api/v1/tickets?limit=200&contactId=" + contactId, admin).json().get("items").size();
	}

	@Test
	void aMailOpensOneTicketAndTheCustomersReplyLandsOnIt() throws Exception {
		String admin = admin();
		String customer = Api.unique("lin") + "@customer.example";
		String subject = "Printer on fire " + Api.unique("s");
		send(message("Mei Lin <" + customer + ">", subject, "It smokes.\nPlease help.", Map.of()));

		ServiceMailbox.MailboxResult first = mailbox.readMailbox(settings);
		assertThat(first.opened()).isEqualTo(1);
		assertThat(mailbox.readMailbox(settings).read()).as("read mail is not read again").isZero();
		JsonNode found = api.get("/api/v1/tickets?limit=5&q=" + Api.q(subject), admin).json().get("items");
		assertThat(found).hasSize(1);
		JsonNode ticket = found.get(0);
		long id = ticket.get("id").asLong();
		assertThat(ticket.get("channel").asString()).isEqualTo("email");
		assertThat(ticket.get("description").asString()).isEqualTo("It smokes.\nPlease help.");
		long contactId = ticket.get("contactId").asLong();
		JsonNode contact = api.get("/api/v1/contacts/" + contactId, admin).json();
		assertThat(contact.get("email").asString()).isEqualTo(customer);
		assertThat(contact.get("lastName").asString()).isEqualTo("Lin");

		// the agent answers and waits on the customer; the answer goes out by SMTP
		Response reply = api.post("/api/v1/tickets/" + id + "/replies", admin,
				Map.of("body", "Unplug it, please.", "public", true));
		assertThat(reply.status()).isEqualTo(201);
		String etag = api.get("/api/v1/tickets/" + id, admin).etag();
		api.patch("/api/v1/tickets/" + id, admin, etag, Map.of("status", "pending_customer"));
		assertThat(mailbox.sendPending(settings, 1000)).isGreaterThanOrEqualTo(1);
		MimeMessage answer = Arrays.stream(mail.getReceivedMessages())
			.filter(m -> recipients(m).contains(customer))
			.findFirst()
			.orElseThrow();
		assertThat(answer.getSubject()).contains("[T-" + id + "]");
		assertThat(String.valueOf(answer.getContent())).contains("Unplug it, please.");
		assertThat(answer.getHeader("In-Reply-To")[0]).as("answers the customer's mail").isNotBlank();
		String answerId = answer.getMessageID();

		// the customer's reply refers to Rapport's answer
		send(message(customer, "Re: " + answer.getSubject(), "Unplugged. Still smoking.", Map.of("In-Reply-To", answerId,
				"References", answerId)));
		// and a second one, from another mail program, only quoting the reference in the subject
		send(message(customer, "AW: [T-" + id + "] " + subject, "Fire is out.", Map.of()));
		ServiceMailbox.MailboxResult replies = mailbox.readMailbox(settings);
		assertThat(replies.threaded()).isEqualTo(2);
		assertThat(replies.opened()).isZero();
		assertThat(ticketsOf(admin, contactId)).isEqualTo(1);
		String thread = api.get("/api/v1/tickets/" + id + "/replies", admin).text();
		assertThat(thread).contains("Unplugged. Still smoking.").contains("Fire is out.").contains("\"customer\"");
		assertThat(api.get("/api/v1/tickets/" + id, admin).json().get("status").asString())
			.as("the customer's answer ends the wait").isEqualTo("open");
	}

	@Test
	void autoRepliesAndBouncesOpenNoTicket() throws Exception {
		String admin = admin();
		String customer = Api.unique("away") + "@customer.example";
		String tag = Api.unique("auto");
		send(message(customer, "Out of office " + tag, "I am away.", Map.of("Auto-Submitted", "auto-replied")));
		send(message(customer, "Vacation " + tag, "Back Monday.", Map.of("X-Autoreply", "yes")));
		send(message(customer, "Newsletter " + tag, "News.", Map.of("Precedence", "bulk")));
		send(message(customer, "Auto " + tag, "Auto.", Map.of("Precedence", "auto_reply")));
		send(message("MAILER-DAEMON@customer.example", "Undelivered Mail Returned to Sender " + tag,
				"Delivery failed.", Map.of()));
		send(message(customer, "Real question " + tag, "How do I export?", Map.of("Auto-Submitted", "no")));
		ServiceMailbox.MailboxResult r = mailbox.readMailbox(settings);
		assertThat(r.read()).isEqualTo(6);
		assertThat(r.ignored()).isEqualTo(5);
		assertThat(r.opened()).isEqualTo(1);
		JsonNode found = api.get("/api/v1/tickets?limit=50&q=" + Api.q(tag), admin).json().get("items");
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("subject").asString()).startsWith("Real question");
	}

	@Test
	void htmlMailIsReducedToPlainText() throws Exception {
		String admin = admin();
		String customer = Api.unique("html") + "@customer.example";
		String subject = "HTML " + Api.unique("h");
		MimeMessage m = new MimeMessage(smtp);
		m.setFrom(new InternetAddress(customer));
		m.setRecipients(Message.RecipientType.TO, SUPPORT);
		m.setSubject(subject);
		m.setContent("<html><head><style>p{color:red}</style></head><body><p>Hello <b>there</b></p>"
				+ "<script>alert('x')</script><img src=x onerror=alert(1)><a href=\"javascript:evil()\">link</a></body></html>",
				"text/html; charset=UTF-8");
		send(m);
		assertThat(mailbox.readMailbox(settings).opened()).isEqualTo(1);
		String description = api.get("/api/v1/tickets?limit=5&q=" + Api.q(subject), admin).json().get("items").get(0)
			.get("description").asString();
		assertThat(description).contains("Hello there").contains("link");
		assertThat(description).doesNotContain("<").doesNotContain("alert").doesNotContain("javascript")
			.doesNotContain("color:red");
	}

	private static List<String> recipients(MimeMessage m) {
		try {
			return Arrays.stream(m.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
		}
		catch (Exception ex) {
			return List.of();
		}
	}

}
