package org.rapport.platform.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException;
import org.rapport.platform.RapportException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns every error into an answer a user can act on: an RFC 9457 problem for the API, a friendly
 * page for the UI. Never a stack trace; unexpected errors are logged with the request id.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final Problems problems;

	ErrorHandling(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(RapportException.class)
	Object business(RapportException ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex.retryAfterSeconds() != null) {
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
		}
		return answer(problems.of(ex, request), request, response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return business(InvalidInput.of(ex.getName(), "invalid", "Not a valid value"), request, response);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return business(InvalidInput.of(ex.getParameterName(), "required", "Required"), request, response);
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	Object missingHeader(MissingRequestHeaderException ex, HttpServletRequest request, HttpServletResponse response) {
		return business(InvalidInput.of(ex.getHeaderName(), "required", "Required header"), request, response);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	Object invalid(MethodArgumentNotValidException ex, HttpServletRequest request, HttpServletResponse response) {
		List<FieldProblem> fields = new ArrayList<>();
		ex.getBindingResult().getFieldErrors().forEach(e -> fields.add(new FieldProblem(e.getField(),
				e.getCode() == null ? "invalid" : e.getCode().toLowerCase(), String.valueOf(e.getDefaultMessage()))));
		return business(new InvalidInput(fields), request, response);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response) {
		if (causedBy(ex, BodySizeLimit.TooLarge.class)) {
			return answer(problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Body over 1 MiB",
					new Object[] { BodySizeLimit.MAX_BYTES }, request), request, response);
		}
		return answer(problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "The body is not valid JSON",
				new Object[0], request), request, response);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object uploadTooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return answer(problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large",
				new Object[] { ex.getMaxUploadSize() }, request), request, response);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(problems.of(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted", new Object[0], request),
				request, response);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return answer(problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", ex.getMessage(), new Object[0],
				request), request, response);
	}

	private Object framework(ErrorResponse ex, HttpServletRequest request, HttpServletResponse response) {
		HttpStatusCode status = ex.getStatusCode();
		HttpStatus known = HttpStatus.resolve(status.value());
		String code = known == null ? "error" : known.name().toLowerCase().replace('_', '-');
		String detail = ex.getBody().getDetail();
		return answer(problems.of(known == null ? HttpStatus.BAD_REQUEST : known, code, detail, new Object[0],
				request), request, response);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex instanceof ErrorResponse known) {
			return framework(known, request, response);
		}
		log.error("Unexpected error", ex);
		return answer(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Unexpected error", new Object[0],
				request), request, response);
	}

	private Object answer(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response) {
		if (Problems.isApi(request) || !acceptsHtml(request)) {
			return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.valueOf(problem.getStatus()));
		page.addObject("problem", problem);
		if (request.getHeader("HX-Request") != null) {
			// htmx swaps nothing on an error status unless told: show the message in the page's alert area
			response.setHeader("HX-Retarget", "#flash");
			response.setHeader("HX-Reswap", "innerHTML");
			page.setViewName("fragments/flash :: problem");
		}
		return page;
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept == null || accept.contains("text/html") || accept.contains("*/*")
				|| request.getHeader("HX-Request") != null;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
