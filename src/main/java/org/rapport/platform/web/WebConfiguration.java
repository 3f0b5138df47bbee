package org.rapport.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language selection: a cookie set by the switcher ({@code ?lang=zh-CN}), else the browser's Accept-Language. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	static final String COOKIE = "rapport-lang";

	@Bean
	LocaleResolver localeResolver() {
		return new SupportedLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	/** Resolves to English or Simplified Chinese only, so messages, formats and page language agree. */
	static final class SupportedLocaleResolver implements LocaleResolver {

		static final String ATTRIBUTE = SupportedLocaleResolver.class.getName() + ".locale";

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			if (request.getAttribute(ATTRIBUTE) instanceof Locale chosen) {
				return chosen;
			}
			Cookie[] cookies = request.getCookies();
			if (cookies != null) {
				for (Cookie c : cookies) {
					if (COOKIE.equals(c.getName())) {
						Locale chosen = supported(Locale.forLanguageTag(c.getValue()));
						if (chosen != null) {
							return chosen;
						}
					}
				}
			}
			return resolveFromHeader(request);
		}

		private static Locale resolveFromHeader(HttpServletRequest request) {
			String header = request.getHeader("Accept-Language");
			if (header != null && !header.isBlank()) {
				try {
					for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
						Locale match = supported(Locale.forLanguageTag(range.getRange()));
						if (match != null) {
							return match;
						}
					}
				}
				catch (IllegalArgumentException ex) {
					// a malformed header falls back to English
				}
			}
			return Locale.ENGLISH;
		}

		/** zh, zh-CN, zh-Hans and zh-SG read Simplified Chinese; any English reads English. */
		static Locale supported(Locale locale) {
			if ("zh".equals(locale.getLanguage())) {
				return "TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry())
						|| "Hant".equals(locale.getScript()) ? null : Locale.SIMPLIFIED_CHINESE;
			}
			if ("en".equals(locale.getLanguage()) || "*".equals(locale.getLanguage())) {
				return Locale.ENGLISH;
			}
			return null;
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Locale chosen = locale == null ? null : supported(locale);
			// this request is answered in the new language too, not only the following ones
			request.setAttribute(ATTRIBUTE, chosen == null ? resolveFromHeader(request) : chosen);
			Cookie cookie = new Cookie(COOKIE, chosen == null ? "" : chosen.toLanguageTag());
			cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
			cookie.setHttpOnly(true);
			cookie.setMaxAge(chosen == null ? 0 : (int) Duration.ofDays(365).toSeconds());
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}

	}

}
