package org.rapport.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.platform.Actor;
import org.rapport.platform.users.UserAccounts;
import org.rapport.platform.web.RequestLogging;
import org.slf4j.MDC;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in browser session in step with the user record: a role or team changed by an
 * admin applies on the next request, and a disabled or deleted user is signed out.
 */
class SessionActorRefresh extends OncePerRequestFilter {

	private final UserAccounts users;

	SessionActorRefresh(UserAccounts users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof Actor actor) {
			var current = users.credentials(actor.username())
				.map(UserAccounts.Credentials::user)
				.filter(u -> u.enabled() && u.id() == actor.id());
			if (current.isEmpty()) {
				SecurityContextHolder.clearContext();
				var session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (!current.get().actor().equals(actor)) {
				Actor fresh = current.get().actor();
				var token = new UsernamePasswordAuthenticationToken(fresh, null,
						RapportAuthenticationProvider.authorities(fresh));
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(token);
				SecurityContextHolder.setContext(context);
			}
			Actor.find().ifPresent(a -> MDC.put(RequestLogging.USER, a.username()));
		}
		chain.doFilter(request, response);
	}

}
