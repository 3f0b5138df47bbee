package org.rapport.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

import org.rapport.analytics.SentimentAnalysis;
import org.rapport.analytics.recommend.CoOccurrenceRecommender;
import org.rapport.analytics.recommend.ImplicitAls;
import org.rapport.analytics.recommend.OnlineRetailSplit;
import org.rapport.analytics.recommend.Purchases;
import org.rapport.analytics.retail.OnlineRetail;
import org.rapport.analytics.sentiment.SentimentSets;

/**
 * Sentiment throughput of the shipped model and recommendation computation on UCI Online Retail,
 * with peak heap; run by hand (not a unit test):
 * {@code java -Drapport.datasets=… -cp target/classes:target/test-classes:<classpath> org.rapport.bench.AnalyticsBenchmark}.
 */
public final class AnalyticsBenchmark {

	private AnalyticsBenchmark() {
	}

	public static void main(String[] args) {
		SentimentAnalysis sentiment = new SentimentAnalysis();
		List<String> english = new ArrayList<>();
		SentimentSets.uci("yelp").forEach(l -> english.add(l.text()));
		SentimentSets.uci("amazon_cells").forEach(l -> english.add(l.text()));
		SentimentSets.uci("imdb").forEach(l -> english.add(l.text()));
		List<String> chinese = new ArrayList<>();
		SentimentSets.chnSentiCorp("test").forEach(l -> chinese.add(l.text()));
		SentimentSets.chnSentiCorp("dev").forEach(l -> chinese.add(l.text()));
		for (int round = 1; round <= 3; round++) {
			throughput("en", english, sentiment, round);
			throughput("zh", chinese, sentiment, round);
		}

		for (int round = 1; round <= 2; round++) {
			resetPeaks();
			long t0 = System.nanoTime();
			OnlineRetailSplit split = OnlineRetailSplit.of(OnlineRetail.full());
			Purchases train = split.train();
			long t1 = System.nanoTime();
			CoOccurrenceRecommender co = new CoOccurrenceRecommender(train);
			long t2 = System.nanoTime();
			int n = 0;
			for (int c = 0; c < train.customerCount(); c++) {
				n += co.recommend(c, 10).size();
			}
			long t3 = System.nanoTime();
			ImplicitAls.Model als = ImplicitAls.defaults().fit(train);
			long t4 = System.nanoTime();
			for (int c = 0; c < train.customerCount(); c++) {
				n += als.recommend(c, 10).size();
			}
			long t5 = System.nanoTime();
			System.out.printf(
					"round %d: read+split %.1f s; co-occurrence build %.2f s, top-10 for all %d customers %.2f s; ALS fit %.2f s, "
							+ "top-10 for all %.2f s; %d recommendations; peak heap %d MiB%n",
					round, (t1 - t0) / 1e9, (t2 - t1) / 1e9, train.customerCount(), (t3 - t2) / 1e9, (t4 - t3) / 1e9,
					(t5 - t4) / 1e9, n, peakHeapMiB());
		}
	}

	private static void throughput(String language, List<String> texts, SentimentAnalysis sentiment, int round) {
		resetPeaks();
		long chars = 0;
		long started = System.nanoTime();
		for (String t : texts) {
			chars += t.length();
			sentiment.analyse(t);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("round %d %s: %d texts (mean %d chars) in %.2f s = %.0f texts/s, %.3f ms/text; peak heap %d MiB%n",
				round, language, texts.size(), chars / texts.size(), seconds, texts.size() / seconds,
				seconds * 1000 / texts.size(), peakHeapMiB());
	}

	private static void resetPeaks() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap in use). */
	private static long peakHeapMiB() {
		long bytes = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				bytes += pool.getPeakUsage().getUsed();
			}
		}
		return bytes >> 20;
	}

}
