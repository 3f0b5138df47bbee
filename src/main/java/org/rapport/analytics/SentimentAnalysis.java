package org.rapport.analytics;

import org.rapport.analytics.sentiment.CompanySentimentModel;
import org.rapport.analytics.sentiment.Language;
import org.rapport.analytics.sentiment.LexiconSentimentModel;
import org.rapport.analytics.sentiment.TextTokens;
import org.rapport.platform.InvalidInput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Sentiment of customer text in Chinese or English with the words that drove it: from the company
 * sentiment model learnt from this installation's rated feedback where it is active and did not do
 * worse than the shipped default on its hold-out, else from Rapport's shipped default model (lexicons
 * with licences that allow shipping; see docs/analytics.md). CPU only, well under a millisecond for a
 * typical message.
 */
@Service
public class SentimentAnalysis {

	/** Longest text analysed, in characters. */
	public static final int MAX_LENGTH = 20_000;

	static final int EVIDENCE = 5;

	private final LexiconSentimentModel model = new LexiconSentimentModel();

	private final CompanySentiment company;

	/** The shipped default only (benchmarks, tools without a database). */
	public SentimentAnalysis() {
		this(null);
	}

	@Autowired
	SentimentAnalysis(CompanySentiment company) {
		this.company = company;
	}

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
		Language language = TextTokens.language(text);
		CompanySentimentModel.Part part = company == null ? null : company.inUse(language);
		return sentiment(part == null ? model.analyse(text, EVIDENCE) : CompanySentimentModel.analyse(part, text, language, EVIDENCE));
	}

	private static Sentiment sentiment(LexiconSentimentModel.Verdict verdict) {
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
