package org.rapport.platform.web;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/** Links between pages of a keyset-paged list: every filter kept, the cursor replaced. */
public final class PageLinks {

	private PageLinks() {
	}

	public static String next(String path, Map<String, String> params, String cursor) {
		var b = UriComponentsBuilder.fromPath(path);
		params.forEach((k, v) -> {
			if (!k.equals("cursor") && v != null && !v.isBlank()) {
				b.queryParam(k, v);
			}
		});
		return b.queryParam("cursor", cursor).encode().build().toUriString();
	}

}
