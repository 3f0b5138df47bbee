package org.rapport.platform.security;

import java.time.Clock;

import org.rapport.platform.users.UserAccounts;
import org.rapport.platform.web.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;

/**
 * Two filter chains: the REST API and actuator (stateless, bearer tokens, problem-detail errors)
 * and the browser UI (form sign-in, CSRF protection, sessions stored in PostgreSQL).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
			+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default; the {id} prefix lets stronger hashes replace it without a migration
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Public forms embedded on other websites (web-to-lead): no sign-in, no session, no CSRF token
	 * (the page comes from another site), framable anywhere; spam is handled by the forms themselves.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain publicFormsChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/forms/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.headers(h -> h.frameOptions(f -> f.disable())
				.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; style-src 'self' 'unsafe-inline'; "
						+ "frame-ancestors *; form-action 'self'; object-src 'none'")));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, Problems problems) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.addFilterAfter(new BearerTokenFilter(tokens, problems), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				problems.write(response, problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
						"Authentication required", new Object[0], request));
			})
				.accessDeniedHandler((request, response, ex) -> problems.write(response,
						problems.of(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted", new Object[0],
								request))))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, UserAccounts users) throws Exception {
		var loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(f -> f.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, ex) -> response
					.sendRedirect(request.getContextPath() + (ex instanceof TooManyAttempts ? "/login?locked" : "/login?error"))))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.addFilterAfter(new SessionActorRefresh(users), SecurityContextHolderAwareRequestFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
				if (request.getHeader("HX-Request") != null) {
					// htmx follows HX-Redirect with a full page load, so an expired session lands on the sign-in page
					response.setHeader("HX-Redirect", request.getContextPath() + "/login");
					response.setStatus(HttpStatus.UNAUTHORIZED.value());
				}
				else {
					loginPage.commence(request, response, ex);
				}
			}))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

}
