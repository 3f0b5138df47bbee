package org.rapport.platform.security;

import java.util.List;

import org.rapport.platform.Actor;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password for the sign-in form, throttled per user name. The resulting
 * principal is the {@link Actor}.
 */
@Component
class RapportAuthenticationProvider implements AuthenticationProvider {

	private final SignIn signIn;

	RapportAuthenticationProvider(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
		Actor actor = signIn.check(username, password).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
		var token = new UsernamePasswordAuthenticationToken(actor, null, authorities(actor));
		token.setDetails(authentication.getDetails());
		return token;
	}

	static List<SimpleGrantedAuthority> authorities(Actor actor) {
		return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
