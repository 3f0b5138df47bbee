package org.rapport.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * echoes it in the response and puts it in the log context with the method and path. The user
 * name is added once the user is known ({@link #USER}). Bodies, passwords and tokens are never logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogging extends OncePerRequestFilter {

	public static final String REQUEST_ID = "requestId";

	public static final String USER = "user";

	public static final String HEADER = "X-Request-Id";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getHeader(HEADER);
		if (id == null || !SANE_ID.matcher(id).matches()) {
			id = UUID.randomUUID().toString().substring(0, 13);
		}
		MDC.put(REQUEST_ID, id);
		MDC.put("request", request.getMethod() + " " + request.getRequestURI());
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(REQUEST_ID);
			MDC.remove("request");
			MDC.remove(USER);
		}
	}

}
