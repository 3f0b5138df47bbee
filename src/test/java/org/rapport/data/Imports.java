package org.rapport.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.assertj.core.api.ListAssert;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for import tests: multipart uploads and waiting for the job. */
public final class Imports {

	private Imports() {
	}

	public static Response upload(Api api, String token, String fileName, byte[] content, Map<String, String> fields) {
		String boundary = "rapport" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (var e : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(e.getValue().getBytes(StandardCharsets.UTF_8));
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		if (content != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return api.send(HttpRequest.newBuilder(api.uri("/api/v1/imports"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary), token, Map.of());
	}

	public static Map<String, String> fields(String... keyValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put(keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	/** Uploads the CSV file and waits until its import is done (fails if it ends otherwise); the import. */
	public static JsonNode run(Api api, String token, String entity, String csv, String duplicates) {
		Response started = upload(api, token, entity + ".csv", csv.getBytes(StandardCharsets.UTF_8),
				fields("entity", entity, "duplicates", duplicates));
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		JsonNode done = await(api, token, started.id(), 60_000).json();
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
		return done;
	}

	/** Written, updated, skipped and rejected, described by the import and its error report when it fails. */
	public static ListAssert<Long> assertCounts(Api api, String token, JsonNode done) {
		return assertThat(List.of(done.get("rowsWritten").asLong(), done.get("rowsUpdated").asLong(),
				done.get("rowsSkipped").asLong(), done.get("rowsRejected").asLong()))
			.as(done + "\n" + api.get("/api/v1/imports/" + done.get("id").asLong() + "/errors", token).text());
	}

	/** Polls the import until it has finished; fails after the timeout. */
	public static Response await(Api api, String token, long id, long timeoutMillis) {
		long end = System.currentTimeMillis() + timeoutMillis;
		while (true) {
			Response r = api.get("/api/v1/imports/" + id, token);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
			String status = r.json().get("status").asString();
			if (status.equals("done") || status.equals("failed") || status.equals("cancelled")) {
				return r;
			}
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("Import " + id + " did not finish: " + r.text());
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
