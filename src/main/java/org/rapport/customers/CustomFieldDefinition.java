package org.rapport.customers;

import java.util.List;
import java.util.Locale;

/**
 * An admin-defined field on accounts or contacts.
 *
 * @param id id
 * @param entityType account or contact
 * @param key the field's key in the API ({@code customFields.<key>}) and filters ({@code cf.<key>=})
 * @param label English label
 * @param labelZh Chinese label (falls back to the English one)
 * @param type text, number, date or choice
 * @param options for choice fields: the allowed values
 * @param required whether a value is required
 * @param position order in forms
 * @param version optimistic lock version
 */
public record CustomFieldDefinition(long id, String entityType, String key, String label, String labelZh, String type,
		List<String> options, boolean required, int position, long version) {

	public String label(Locale locale) {
		return "zh".equals(locale.getLanguage()) && labelZh != null && !labelZh.isBlank() ? labelZh : label;
	}

}
