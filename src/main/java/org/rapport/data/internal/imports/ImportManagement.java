package org.rapport.data.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StateConflict;
import org.rapport.platform.web.Csv;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports: upload (the file is stored, inspected and its columns mapped, or refused with nothing
 * kept), progress, errors, cancellation. An import is seen by the user who started it and by admins.
 */
@Service
public class ImportManagement {

	static final Set<String> ENTITIES = Set.of("contacts", "accounts", "leads", "orders");

	static final Set<String> DUPLICATES = Set.of("skip", "update", "create");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final ObjectProvider<SchedulerClient> scheduler;

	ImportManagement(JdbcClient jdbc, Clock clock, JsonMapper json, ObjectProvider<SchedulerClient> scheduler) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.scheduler = scheduler;
	}

	/**
	 * What the user asks for.
	 *
	 * @param entity contacts, accounts, leads or orders
	 * @param mapping header → field, or {@code null} to map by column names (or the mapping remembered for the layout)
	 * @param duplicates skip, update or create
	 * @param dryRun only validate and report
	 * @param defaultCountry ISO country for phone numbers without a country code
	 */
	public record Request(String entity, Map<String, String> mapping, String duplicates, boolean dryRun,
			String defaultCountry) {
	}

	/** Stores, inspects and queues the file; refuses it (nothing kept) when it cannot be imported. */
	@Transactional
	public ImportView start(String fileName, InputStream content, Request request) {
		long id = stage(fileName, content, request.entity());
		return configure(id, request);
	}

	/**
	 * Stores and inspects the file as a draft import (the wizard's first step) with the mapping it
	 * would get; refuses it, keeping nothing, when it cannot be imported.
	 */
	@Transactional
	public long stage(String fileName, InputStream content, String entityName) {
		Actor actor = Actor.current();
		String entity = entity(entityName);
		Instant now = clock.instant();
		String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
		long id = jdbc.sql("""
				insert into imports (entity, status, file_name, file_size, format, headers, mapping, duplicates, dry_run,
				  default_country, rows_total, created_by, created_at, updated_at)
				values (?, 'draft', ?, 0, 'csv', '[]', '{}', 'skip', false, 'US', 0, ?, ?, ?) returning id""")
			.params(entity, name.length() > 255 ? name.substring(0, 255) : name, actor.id(), Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class)
			.single();
		long size = ImportChunks.store(jdbc, id, content);
		ImportFiles.Inspection inspection = ImportFiles.inspect(ImportChunks.reader(jdbc, id));
		Map<String, String> mapping = mapping(entity, inspection.headers(), null);
		jdbc.sql("""
				update imports set file_size = ?, format = ?, encoding = ?, delimiter = ?, headers = cast(? as jsonb),
				  mapping = cast(? as jsonb), rows_total = ? where id = ?""")
			.params(size, inspection.format(),
					inspection.encoding() == null ? null : inspection.encoding() + (inspection.bom() ? "+BOM" : ""),
					inspection.format().equals("csv") ? String.valueOf(inspection.delimiter()) : null,
					json.writeValueAsString(inspection.headers()), json.writeValueAsString(mapping), inspection.rows(), id)
			.update();
		return id;
	}

	private static String entity(String entityName) {
		String entity = entityName == null ? "" : entityName.strip().toLowerCase(Locale.ROOT);
		if (!ENTITIES.contains(entity)) {
			throw InvalidInput.of("entity", "one-of", "One of contacts, accounts, leads, orders");
		}
		return entity;
	}

	/** The first rows of a staged file, for the wizard's preview. */
	@Transactional(readOnly = true)
	public List<List<String>> previewRows(long id, int rows) {
		ImportView view = get(id);
		java.util.List<List<String>> preview = new java.util.ArrayList<>();
		String enc = view.encoding();
		boolean bom = enc != null && enc.endsWith("+BOM");
		ImportFiles.Inspection inspection = new ImportFiles.Inspection(view.format(),
				bom ? enc.substring(0, enc.length() - 4) : enc, bom,
				view.delimiter() == null || view.delimiter().isEmpty() ? ',' : view.delimiter().charAt(0), view.headers(),
				view.rowsTotal(), List.of());
		ImportFiles.read(ImportChunks.reader(jdbc, id), inspection, 0, (rowNo, values) -> {
			preview.add(values);
			return preview.size() < rows;
		});
		return preview;
	}

	/** Sets the mapping and options of a draft (wizard) and queues it. */
	@Transactional
	public ImportView configure(long id, Request request) {
		ImportView draft = get(id);
		if (!draft.status().equals("draft")) {
			throw new StateConflict("import-started", "The import has already been started");
		}
		String duplicates = request.duplicates() == null || request.duplicates().isBlank() ? "skip"
				: request.duplicates().strip().toLowerCase(Locale.ROOT);
		if (!DUPLICATES.contains(duplicates)) {
			throw InvalidInput.of("duplicates", "one-of", "One of skip, update, create");
		}
		String country = request.defaultCountry() == null || request.defaultCountry().isBlank() ? "US"
				: request.defaultCountry().strip().toUpperCase(Locale.ROOT);
		if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(country)) {
			throw InvalidInput.of("defaultCountry", "unknown-country", "Not a two-letter country code");
		}
		Map<String, String> mapping = request.mapping() == null ? draft.mapping()
				: mapping(draft.entity(), draft.headers(), request.mapping());
		if (mapping.isEmpty()) {
			throw new ImportFileRejected("no-columns", "No column of the file maps to a field of " + draft.entity()
					+ " (columns: " + String.join(", ", draft.headers().stream().limit(20).toList()) + ")");
		}
		jdbc.sql("""
				update imports set status = 'queued', mapping = cast(? as jsonb), duplicates = ?, dry_run = ?,
				  default_country = ?, updated_at = ? where id = ?""")
			.params(json.writeValueAsString(mapping), duplicates, request.dryRun(), country,
					Timestamp.from(clock.instant()), id)
			.update();
		if (request.mapping() != null) {
			jdbc.sql("""
					insert into import_mappings (entity, layout, mapping, updated_at) values (?, ?, cast(? as jsonb), ?)
					on conflict (entity, layout) do update set mapping = excluded.mapping, updated_at = excluded.updated_at""")
				.params(draft.entity(), FieldMapping.layout(draft.headers()), json.writeValueAsString(mapping),
						Timestamp.from(clock.instant()))
				.update();
		}
		schedule(id);
		return get(id);
	}

	/** A new import of the same file with the same settings, for real: what follows a dry run. */
	@Transactional
	public ImportView runForReal(long dryRunId) {
		ImportView dry = get(dryRunId);
		Actor actor = Actor.current();
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into imports (entity, status, file_name, file_size, format, encoding, delimiter, headers, mapping,
				  duplicates, dry_run, default_country, rows_total, created_by, created_at, updated_at)
				select entity, 'queued', file_name, file_size, format, encoding, delimiter, headers, mapping, duplicates, false,
				  default_country, rows_total, ?, ?, ? from imports where id = ? returning id""")
			.params(actor.id(), Timestamp.from(now), Timestamp.from(now), dry.id())
			.query(Long.class)
			.single();
		jdbc.sql("insert into import_chunks (import_id, seq, content) select ?, seq, content from import_chunks where import_id = ?")
			.params(id, dry.id())
			.update();
		schedule(id);
		return get(id);
	}

	/** Inspects a file without keeping it: what the wizard previews. */
	public Preview preview(java.util.function.Supplier<InputStream> file, String entity) {
		ImportFiles.Inspection inspection = ImportFiles.inspect(file);
		return new Preview(inspection, mapping(entity, inspection.headers(), null));
	}

	/** A file's inspection and the mapping it would get. */
	public record Preview(ImportFiles.Inspection inspection, Map<String, String> mapping) {
	}

	private Map<String, String> mapping(String entity, List<String> headers, Map<String, String> given) {
		if (given != null) {
			return FieldMapping.explicit(entity, headers, given);
		}
		String remembered = jdbc.sql("select mapping::text from import_mappings where entity = ? and layout = ?")
			.params(entity, FieldMapping.layout(headers))
			.query(String.class)
			.optional()
			.orElse(null);
		if (remembered != null) {
			Map<String, String> m = json.readValue(remembered, new TypeReference<Map<String, String>>() {
			});
			return FieldMapping.explicit(entity, headers, m);
		}
		return FieldMapping.automatic(entity, headers);
	}

	/** The mapping remembered for a file layout, if any. */
	public Map<String, String> rememberedMapping(String entity, List<String> headers) {
		return mapping(entity, headers, null);
	}

	private void schedule(long id) {
		SchedulerClient client = scheduler.getIfAvailable();
		if (client == null) {
			return;
		}
		Runnable schedule = () -> client.scheduleIfNotExists(new TaskInstance<>(ImportJob.TASK, Long.toString(id)),
				clock.instant());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// the job must find the committed import
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					schedule.run();
				}
			});
		}
		else {
			schedule.run();
		}
	}

	@Transactional(readOnly = true)
	public ImportView get(long id) {
		Actor actor = Actor.current();
		ImportView view = jdbc.sql("""
				select i.*, (select count(*) from duplicate_candidates d where d.source = 'import:' || i.id) candidates
				from imports i where id = ?""")
			.param(id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new RecordNotFound("import", id));
		if (view.createdBy() != actor.id() && !actor.isAdmin()) {
			throw new RecordNotFound("import", id);
		}
		return view;
	}

	/** The actor's recent imports (all for admins), newest first. */
	@Transactional(readOnly = true)
	public List<ImportView> recent(int limit) {
		Actor actor = Actor.current();
		return jdbc.sql("""
				select i.*, (select count(*) from duplicate_candidates d where d.source = 'import:' || i.id) candidates
				from imports i where (? or created_by = ?) order by id desc limit ?""")
			.params(actor.isAdmin(), actor.id(), limit)
			.query(this::view)
			.list();
	}

	@Transactional
	public ImportView cancel(long id) {
		ImportView view = get(id);
		if (view.finished()) {
			throw new StateConflict("import-finished", "The import has already finished");
		}
		jdbc.sql("update imports set cancel_requested = true, version = version + 1 where id = ?").param(id).update();
		jdbc.sql("update imports set status = 'cancelled', finished_at = ? where id = ? and status in ('queued', 'draft')")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		return get(id);
	}

	/** The row errors as CSV (row, column, value, reason), streamed. */
	@Transactional(readOnly = true)
	public void writeErrors(long id, Writer out) {
		get(id);
		try {
			out.write(new Csv().row("row", "column", "value", "reason").toString());
			jdbc.sql("select row_no, column_name, value, reason from import_errors where import_id = ? order by row_no")
				.param(id)
				.query(rs -> {
					try {
						out.write(new Csv().row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)).toString());
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first row errors, for the wizard's report. */
	@Transactional(readOnly = true)
	public List<RowCleaner.RowError> errors(long id, int limit) {
		get(id);
		return jdbc.sql("select row_no, column_name, value, reason from import_errors where import_id = ? order by row_no limit ?")
			.params(id, limit)
			.query((rs, n) -> new RowCleaner.RowError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private ImportView view(ResultSet rs, int n) throws SQLException {
		Instant started = instant(rs, "started_at");
		Instant finished = instant(rs, "finished_at");
		String status = rs.getString("status");
		long read = rs.getLong("rows_read");
		long total = rs.getLong("rows_total");
		Double rate = null;
		Long eta = null;
		if (started != null && read > 0) {
			Instant end = finished != null ? finished : clock.instant();
			double seconds = Math.max(0.001, Duration.between(started, end).toMillis() / 1000.0);
			rate = Math.round(read / seconds * 10) / 10.0;
			if (status.equals("running") && rate > 0) {
				eta = (long) Math.ceil((total - read) / rate);
			}
		}
		String enc = rs.getString("encoding");
		return new ImportView(rs.getLong("id"), rs.getString("entity"), status, rs.getString("file_name"),
				rs.getLong("file_size"), rs.getString("format"), enc, rs.getString("delimiter"),
				json.readValue(rs.getString("headers"), new TypeReference<List<String>>() {
				}), json.readValue(rs.getString("mapping"), new TypeReference<LinkedHashMap<String, String>>() {
				}), rs.getString("duplicates"), rs.getBoolean("dry_run"), total, read, rs.getLong("rows_written"),
				rs.getLong("rows_updated"), rs.getLong("rows_skipped"), rs.getLong("rows_rejected"), rs.getLong("candidates"),
				rate, eta, rs.getString("error"), rs.getLong("created_by"), instant(rs, "created_at"), started, finished);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
