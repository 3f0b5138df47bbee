package org.rapport.service;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the service module ({@code rapport.service.*}, each overridable from the environment).
 *
 * @param publicUrl the address customers reach Rapport at, for links in mail (survey links)
 * @param surveyValidDays how long a survey link may be used
 * @param maxAttachmentBytes largest attachment accepted
 * @param mail outgoing and incoming mail
 */
@ConfigurationProperties("rapport.service")
public record ServiceSettings(String publicUrl, Integer surveyValidDays, Long maxAttachmentBytes, Mail mail) {

	public ServiceSettings {
		if (publicUrl == null || publicUrl.isBlank()) {
			publicUrl = "http://localhost:8080";
		}
		publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		if (surveyValidDays == null || surveyValidDays < 1) {
			surveyValidDays = 14;
		}
		if (maxAttachmentBytes == null || maxAttachmentBytes < 1) {
			maxAttachmentBytes = 10L * 1024 * 1024;
		}
		if (mail == null) {
			mail = new Mail(false, null, null, null, null, null, null, null, null, null, null, null);
		}
	}

	/**
	 * Mail in and out; off unless {@code enabled}.
	 *
	 * @param enabled whether the mail jobs run
	 * @param from the support address replies come from
	 * @param smtpHost SMTP server
	 * @param smtpPort its port
	 * @param smtpUser user name, if it needs one
	 * @param smtpPassword password
	 * @param imapHost IMAP server of the support mailbox
	 * @param imapPort its port
	 * @param imapUser mailbox user
	 * @param imapPassword password
	 * @param imapFolder folder to read (INBOX)
	 * @param pollSeconds how often the mailbox is read
	 */
	public record Mail(boolean enabled, String from, String smtpHost, Integer smtpPort, String smtpUser,
			String smtpPassword, String imapHost, Integer imapPort, String imapUser, String imapPassword,
			String imapFolder, Integer pollSeconds) {

		public Mail {
			from = from == null || from.isBlank() ? "support@localhost" : from;
			smtpPort = smtpPort == null ? 25 : smtpPort;
			imapPort = imapPort == null ? 143 : imapPort;
			imapFolder = imapFolder == null || imapFolder.isBlank() ? "INBOX" : imapFolder;
			pollSeconds = pollSeconds == null || pollSeconds < 1 ? 60 : pollSeconds;
		}

	}

}
