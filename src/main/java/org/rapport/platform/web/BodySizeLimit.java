package org.rapport.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 1 MiB with 413: at once when {@code Content-Length} says so, and
 * while reading when the body is chunked. Multipart uploads have their own, larger limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimit extends OncePerRequestFilter {

	public static final long MAX_BYTES = 1024 * 1024;

	private final Problems problems;

	BodySizeLimit(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase().startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > MAX_BYTES) {
			problems.write(response, problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Body over 1 MiB",
					new Object[] { MAX_BYTES }, request));
			return;
		}
		chain.doFilter(new Limited(request), response);
	}

	/** Thrown while reading a body past the limit; mapped to 413. */
	public static class TooLarge extends IOException {

		TooLarge() {
			super("Request body over " + MAX_BYTES + " bytes");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private ServletInputStream stream;

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream in = super.getInputStream();
				stream = new ServletInputStream() {
					private long count;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0 && ++count > MAX_BYTES) {
							throw new TooLarge();
						}
						return b;
					}

					@Override
					public int read(byte[] buf, int off, int len) throws IOException {
						int n = in.read(buf, off, len);
						if (n > 0 && (count += n) > MAX_BYTES) {
							throw new TooLarge();
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return stream;
		}

	}

}
