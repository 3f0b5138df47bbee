package org.rapport.analytics;

import org.rapport.analytics.sentiment.LexiconSentimentModel;
import org.rapport.platform.InvalidInput;

import org.springframework.stereotype.Service;

/**
 * Sentiment of customer text in Chinese or English with the words that drove it, from Rapport's
 * shipped default model (lexicons with licences that allow shipping; see docs/analytics.md).
 * CPU only, well under a millisecond for a typical message.
 */
@Service
public class SentimentAnalysis {

	/** Longest text analysed, in characters. */
	public static final int MAX_LENGTH = 20_000;

	static final int EVIDENCE = 5;

	private final LexiconSentimentModel model = new LexiconSentimentModel();

	/**
	 * @throws InvalidInput (field {@code text}) when the text is missing, blank or longer than
	 *     {@value #MAX_LENGTH} characters
	 */
	public Sentiment analyse(String text) {
		if (text == null) {
			throw InvalidInput.of("text", "required", "Required");
		}
		if (text.isBlank()) {
			throw InvalidInput.of("text", "blank", "Must not be blank");
		}
		if (text.length() > MAX_LENGTH) {
			throw InvalidInput.of("text", "too-long", "At most " + MAX_LENGTH + " characters");
		}
		LexiconSentimentModel.Verdict verdict = model.analyse(text, EVIDENCE);
		return new Sentiment(verdict.label(), Math.round(verdict.score() * 10_000) / 10_000.0, verdict.language().code(),
				verdict.evidence());
	}

	/**
	 * The sentiment of a record's subject and body read together (either may be null), its first
	 * {@value #MAX_LENGTH} characters when longer; null when there is no text. For texts Rapport stores
	 * (activities, tickets), which may be longer than the API accepts for one analysis.
	 */
	public Sentiment analyseRecord(String subject, String body) {
		String text = ((subject == null ? "" : subject) + "\n" + (body == null ? "" : body)).strip();
		if (text.isEmpty()) {
			return null;
		}
		return analyse(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
	}

	/** Identifies the shipped model in the registry. */
	public static String defaultModelName() {
		return "sentiment-lexicon";
	}

}
