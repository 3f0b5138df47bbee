package org.rapport.analytics.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The labelled sentiment benchmarks from the shared data sets (evaluation only, never shipped):
 * the ChnSentiCorp benchmark split and the UCI sentences, read as their SOURCE.md describes.
 */
public final class SentimentSets {

	private SentimentSets() {
	}

	/** A labelled text. */
	public record Labelled(String text, boolean positive) {
	}

	public static Path file(String... parts) {
		String root = System.getProperty("rapport.datasets");
		if (root == null) {
			throw new IllegalStateException("The system property rapport.datasets is not set (the pom sets it)");
		}
		Path file = Path.of(root, parts);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Missing data set " + file + ": see /work/shared/datasets/README.md");
		}
		return file;
	}

	/** {@code chnsenticorp_htl/benchmark_split_ymcui/<part>.tsv}: header {@code label<TAB>text_a}. */
	public static List<Labelled> chnSentiCorp(String part) {
		List<Labelled> out = new ArrayList<>();
		List<String> lines = read(file("chnsenticorp_htl", "benchmark_split_ymcui", part + ".tsv"));
		for (String line : lines.subList(1, lines.size())) {
			int tab = line.indexOf('\t');
			if (tab < 0) {
				continue;
			}
			out.add(new Labelled(line.substring(tab + 1), line.substring(0, tab).strip().equals("1")));
		}
		return out;
	}

	/** {@code sentiment_labelled_sentences/<name>_labelled.txt}: sentence, TAB, 0|1 (split on the last TAB). */
	public static List<Labelled> uci(String name) {
		List<Labelled> out = new ArrayList<>();
		for (String line : read(file("sentiment_labelled_sentences", name + "_labelled.txt"))) {
			int tab = line.lastIndexOf('\t');
			if (tab < 0) {
				continue;
			}
			out.add(new Labelled(line.substring(0, tab), line.substring(tab + 1).strip().equals("1")));
		}
		return out;
	}

	/** A fixed-seed shuffle split: the first {@code trainShare} for training, the rest for testing. */
	public static List<List<Labelled>> split(List<Labelled> all, double trainShare, long seed) {
		List<Labelled> shuffled = new ArrayList<>(all);
		java.util.Collections.shuffle(shuffled, new Random(seed));
		int cut = (int) Math.round(shuffled.size() * trainShare);
		return List.of(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
