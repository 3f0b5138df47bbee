package org.rapport.service;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mail to customers, written in the transaction that decides to send it; the mail job
 * ({@code internal.MailJobs}) sends it when outgoing mail is configured. The row stays as the record
 * of what was sent, and its Message-ID lets the customer's answer find its ticket again.
 */
@Component
class Outbox {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ServiceSettings settings;

	Outbox(JdbcClient jdbc, Clock clock, ServiceSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/** Queues a message; returns its Message-ID. */
	String queue(Long ticketId, String reference, String to, String subject, String body) {
		byte[] random = new byte[12];
		RANDOM.nextBytes(random);
		String domain = settings.mail().from().contains("@") ? settings.mail().from().substring(settings.mail().from().indexOf('@') + 1)
				: "rapport";
		String messageId = "<" + (reference == null ? "rapport" : reference) + "." + HexFormat.of().formatHex(random) + "@"
				+ domain + ">";
		jdbc.sql("""
				insert into service_outbox (ticket_id, to_address, subject, body, message_id, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(ticketId, to, subject, body, messageId, Timestamp.from(clock.instant()))
			.update();
		return messageId;
	}

}
