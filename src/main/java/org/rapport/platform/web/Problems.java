package org.rapport.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.platform.RapportException;
import org.rapport.platform.RapportException.FieldProblem;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details the same way everywhere: a stable {@code type}
 * ({@code urn:rapport:problem:<code>}), title and detail from the message bundle in the client's
 * language, the request id, and {@code errors: [{field, code, message}]} for bad input.
 */
@Component
public class Problems {

	public static final String TYPE_PREFIX = "urn:rapport:problem:";

	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final MessageSource messages;

	private final JsonMapper json;

	Problems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	public ProblemDetail of(RapportException ex, HttpServletRequest request) {
		ProblemDetail problem = of(ex.status(), ex.code(), ex.getMessage(), ex.args(), request);
		if (!ex.fieldProblems().isEmpty()) {
			problem.setProperty("errors", errors(ex.fieldProblems()));
		}
		return problem;
	}

	public ProblemDetail of(HttpStatus status, String code, String fallbackDetail, Object[] args,
			HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(messages.getMessage("problem." + code + ".title", null, status.getReasonPhrase(), locale));
		problem.setDetail(messages.getMessage("problem." + code + ".detail", args, fallbackDetail, locale));
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		String requestId = MDC.get(RequestLogging.REQUEST_ID);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	public static List<Map<String, String>> errors(List<FieldProblem> problems) {
		return problems.stream()
			.map(p -> Map.of("field", p.field(), "code", p.code(), "message", p.message()))
			.toList();
	}

	/** Writes a problem straight to the response, for filters that act before Spring MVC. */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	public static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/actuator");
	}

}
