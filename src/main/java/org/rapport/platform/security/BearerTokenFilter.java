package org.rapport.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.platform.web.Problems;
import org.rapport.platform.web.RequestLogging;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API requests carrying {@code Authorization: Bearer <token>}; a bad token is a 401 problem. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final Problems problems;

	BearerTokenFilter(ApiTokens tokens, Problems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			var actor = tokens.authenticate(header.substring(7).strip());
			if (actor.isEmpty()) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
				problems.write(response, problems.of(HttpStatus.UNAUTHORIZED, "invalid-token",
						"Invalid, expired or revoked token", new Object[0], request));
				return;
			}
			var auth = new UsernamePasswordAuthenticationToken(actor.get(), null,
					RapportAuthenticationProvider.authorities(actor.get()));
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(auth);
			SecurityContextHolder.setContext(context);
			MDC.put(RequestLogging.USER, actor.get().username());
		}
		chain.doFilter(request, response);
	}

}
