package org.rapport.platform.web;

import java.util.Locale;

import org.rapport.platform.Actor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in and in which language the page is. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	@ModelAttribute("me")
	Actor me() {
		return Actor.find().orElse(null);
	}

	@ModelAttribute("lang")
	String lang() {
		Locale locale = LocaleContextHolder.getLocale();
		return Locale.SIMPLIFIED_CHINESE.equals(locale) ? "zh-CN" : "en";
	}

}
