package org.rapport.analytics.sentiment;

/** The languages the sentiment models read. */
public enum Language {

	ZH("zh"), EN("en");

	private final String code;

	Language(String code) {
		this.code = code;
	}

	/** ISO 639-1 code, as the API answers it. */
	public String code() {
		return code;
	}

}
