package org.rapport.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.platform.InvalidInput;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses query and form parameters holding a NUL character (PostgreSQL cannot store or compare
 * it) with a 400 problem naming the parameter, before any of it reaches a query.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ParameterSanity extends OncePerRequestFilter {

	private final Problems problems;

	ParameterSanity(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
			boolean bad = e.getKey().indexOf('\0') >= 0;
			for (String v : e.getValue()) {
				bad |= v != null && v.indexOf('\0') >= 0;
			}
			if (bad) {
				String name = e.getKey().replace('\0', '?');
				problems.write(response,
						problems.of(InvalidInput.of(name, "invalid-characters", "Contains a NUL character"), request));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
