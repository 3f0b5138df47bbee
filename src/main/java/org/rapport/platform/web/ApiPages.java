package org.rapport.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rapport.platform.Page;

/** The JSON shape of every list: {@code {"items": [...], "nextCursor": "..."}}, the cursor only when more follow. */
public final class ApiPages {

	private ApiPages() {
	}

	public static Map<String, Object> of(Page<?> page) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", page.items());
		if (page.nextCursor() != null) {
			body.put("nextCursor", page.nextCursor());
		}
		return body;
	}

}
