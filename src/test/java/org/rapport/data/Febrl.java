package org.rapport.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.data.internal.matching.Candidate;
import org.rapport.data.internal.matching.MatchRecord;

/**
 * The Febrl synthetic person records from the shared data sets (never copied into the project),
 * read as their SOURCE.md describes: comma and a space between values, CRLF or LF, ground truth in
 * {@code rec_id} ({@code rec-N-org}, {@code rec-N-dup-k}: records sharing N are one person).
 */
public final class Febrl {

	private Febrl() {
	}

	public static Path file(String name) {
		String root = System.getProperty("rapport.datasets");
		if (root == null) {
			throw new IllegalStateException("The system property rapport.datasets is not set (the pom sets it)");
		}
		Path file = Path.of(root, "febrl", name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Missing data set " + file + ": see /work/shared/datasets/README.md");
		}
		return file;
	}

	/** The records of a file; columns are mapped onto what the detector compares. */
	public static List<MatchRecord> records(String name) {
		try {
			List<MatchRecord> records = new ArrayList<>();
			List<String> lines = Files.readAllLines(file(name), StandardCharsets.US_ASCII);
			for (String line : lines.subList(1, lines.size())) {
				line = line.replace("\r", "");
				if (line.isBlank()) {
					continue;
				}
				String[] v = line.split(",", -1);
				for (int i = 0; i < v.length; i++) {
					v[i] = v[i].strip();
				}
				// rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
				records.add(MatchRecord.builder(v[0])
					.givenName(v[1])
					.familyName(v[2])
					.street((v[3] + " " + v[4]).strip())
					.street2(v[5])
					.city(v[6])
					.postcode(v[7])
					.region(v[8])
					.birthDate(v[9])
					.identifier(v[10])
					.build());
			}
			return records;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The entity a record belongs to: N of {@code rec-N-…}. */
	public static String entity(String recId) {
		return recId.split("-")[1];
	}

	/** All true pairs (keys joined by "|", smaller first) among the given records. */
	public static Set<String> truePairs(List<MatchRecord> left, List<MatchRecord> right) {
		Map<String, List<String>> rightByEntity = new HashMap<>();
		for (MatchRecord r : right) {
			rightByEntity.computeIfAbsent(entity(r.key()), e -> new ArrayList<>()).add(r.key());
		}
		Set<String> pairs = new HashSet<>();
		for (MatchRecord l : left) {
			for (String r : rightByEntity.getOrDefault(entity(l.key()), List.of())) {
				if (!r.equals(l.key())) {
					pairs.add(pair(l.key(), r));
				}
			}
		}
		return pairs;
	}

	public static String pair(String a, String b) {
		return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
	}

	/** Precision, recall and F1 of the candidates against the true pairs. */
	public record Quality(int truePairs, int proposed, int correct, double precision, double recall, double f1) {

		public static Quality of(Set<String> truth, List<Candidate> candidates) {
			Set<String> proposed = new HashSet<>();
			for (Candidate c : candidates) {
				proposed.add(pair(c.left(), c.right()));
			}
			int correct = (int) proposed.stream().filter(truth::contains).count();
			double p = proposed.isEmpty() ? 0 : (double) correct / proposed.size();
			double r = truth.isEmpty() ? 0 : (double) correct / truth.size();
			double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
			return new Quality(truth.size(), proposed.size(), correct, p, r, f);
		}

		@Override
		public String toString() {
			return String.format("true pairs %,d, proposed %,d, correct %,d: precision %.4f, recall %.4f, F1 %.4f",
					truePairs, proposed, correct, precision, recall, f1);
		}

	}

}
