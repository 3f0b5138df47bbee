package org.rapport.analytics;

import java.util.List;

/**
 * The sentiment of one text.
 *
 * @param label {@code positive}, {@code negative} or {@code neutral}
 * @param score −1 (very negative) to +1 (very positive)
 * @param language {@code zh} or {@code en}
 * @param evidence the words that drove the verdict, strongest first ("not good" when negated)
 */
public record Sentiment(String label, double score, String language, List<String> evidence) {
}
