package org.rapport.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}), reached for errors raised outside Spring MVC:
 * answers a problem for API paths and a page for the UI, never Spring Boot's default body.
 */
@Controller
class ErrorPages implements ErrorController {

	private final Problems problems;

	ErrorPages(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String problemCode = switch (status) {
			case NOT_FOUND -> "not-found-path";
			case INTERNAL_SERVER_ERROR -> "internal";
			default -> status.name().toLowerCase().replace('_', '-');
		};
		ProblemDetail problem = problems.of(status, problemCode, status.getReasonPhrase(), new Object[0], request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		boolean api = uri instanceof String path
				&& (path.startsWith(request.getContextPath() + "/api/") || path.startsWith("/actuator"));
		if (api) {
			return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("problem", problem);
		return page;
	}

}
