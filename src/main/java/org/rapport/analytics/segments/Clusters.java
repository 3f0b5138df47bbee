package org.rapport.analytics.segments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Behavioural segments: k-means (Tribuo, k-means++ starts) on standardised features, k chosen from
 * a range by the mean silhouette (Rousseeuw 1987; computed on at most 2,000 rows drawn with a fixed
 * seed), each cluster described by its most distinctive features: the centroid's distance from the
 * overall mean in standard deviations.
 */
public final class Clusters {

	/** Rows used for the silhouette. */
	static final int SILHOUETTE_SAMPLE = 2000;

	private Clusters() {
	}

	/** A feature that sets a cluster apart: its centroid in standard deviations from the mean. */
	public record Trait(String feature, double deviations) {
	}

	/** One cluster: its size and traits, most distinctive first. */
	public record Cluster(int id, int size, List<Trait> traits) {
	}

	/** The chosen clustering. */
	public record Result(int k, double silhouette, List<Double> silhouetteByK, int[] assignment, List<Cluster> clusters) {
	}

	public static Result fit(List<String> features, double[][] rows, int minK, int maxK, long seed) {
		double[][] z = standardise(rows);
		List<Double> byK = new ArrayList<>();
		Result best = null;
		for (int k = minK; k <= Math.min(maxK, rows.length - 1); k++) {
			int[] assignment = kMeans(features, z, k, seed);
			double s = silhouette(z, assignment, k, seed);
			byK.add(s);
			if (best == null || s > best.silhouette()) {
				best = new Result(k, s, null, assignment, describe(features, z, assignment, k));
			}
		}
		if (best == null) {
			throw new IllegalArgumentException("Too few rows to cluster");
		}
		return new Result(best.k(), best.silhouette(), List.copyOf(byK), best.assignment(), best.clusters());
	}

	static double[][] standardise(double[][] rows) {
		int d = rows[0].length;
		double[] mean = new double[d];
		double[] sd = new double[d];
		for (double[] r : rows) {
			for (int j = 0; j < d; j++) {
				mean[j] += r[j] / rows.length;
			}
		}
		for (double[] r : rows) {
			for (int j = 0; j < d; j++) {
				sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.length;
			}
		}
		double[][] z = new double[rows.length][d];
		for (int i = 0; i < rows.length; i++) {
			for (int j = 0; j < d; j++) {
				double s = Math.sqrt(sd[j]);
				z[i][j] = s > 0 ? (rows[i][j] - mean[j]) / s : 0;
			}
		}
		return z;
	}

	static int[] kMeans(List<String> features, double[][] z, int k, long seed) {
		ClusteringFactory factory = new ClusteringFactory();
		MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("segments",
				OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory), factory);
		String[] names = features.toArray(String[]::new);
		for (double[] row : z) {
			data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
		}
		KMeansTrainer trainer = new KMeansTrainer(k, 100, new org.tribuo.math.distance.L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS, 1,
				seed);
		KMeansModel model = trainer.train(data);
		int[] assignment = new int[z.length];
		for (int i = 0; i < z.length; i++) {
			Prediction<ClusterID> p = model.predict(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, z[i]));
			assignment[i] = p.getOutput().getID();
		}
		DenseVector[] centroids = model.getCentroidVectors();
		if (centroids.length != k) {
			throw new IllegalStateException("Expected " + k + " centroids");
		}
		return assignment;
	}

	/** Mean silhouette over a fixed-seed sample of rows (all rows when there are few). */
	static double silhouette(double[][] z, int[] assignment, int k, long seed) {
		int n = z.length;
		int[] sample;
		if (n <= SILHOUETTE_SAMPLE) {
			sample = java.util.stream.IntStream.range(0, n).toArray();
		}
		else {
			SplittableRandom random = new SplittableRandom(seed);
			int[] all = java.util.stream.IntStream.range(0, n).toArray();
			for (int i = 0; i < SILHOUETTE_SAMPLE; i++) {
				int j = i + random.nextInt(n - i);
				int t = all[i];
				all[i] = all[j];
				all[j] = t;
			}
			sample = java.util.Arrays.copyOf(all, SILHOUETTE_SAMPLE);
		}
		return java.util.Arrays.stream(sample).parallel().mapToDouble(i -> {
			double[] sum = new double[k];
			int[] count = new int[k];
			for (int j : sample) {
				if (j == i) {
					continue;
				}
				double d = 0;
				for (int f = 0; f < z[i].length; f++) {
					double t = z[i][f] - z[j][f];
					d += t * t;
				}
				sum[assignment[j]] += Math.sqrt(d);
				count[assignment[j]]++;
			}
			int own = assignment[i];
			if (count[own] == 0) {
				return 0; // a singleton's silhouette is 0 by convention
			}
			double a = sum[own] / count[own];
			double b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++) {
				if (c != own && count[c] > 0) {
					b = Math.min(b, sum[c] / count[c]);
				}
			}
			return b == Double.POSITIVE_INFINITY ? 0 : (b - a) / Math.max(a, b);
		}).average().orElse(0);
	}

	static List<Cluster> describe(List<String> features, double[][] z, int[] assignment, int k) {
		int d = features.size();
		double[][] centroid = new double[k][d];
		int[] size = new int[k];
		for (int i = 0; i < z.length; i++) {
			size[assignment[i]]++;
			for (int f = 0; f < d; f++) {
				centroid[assignment[i]][f] += z[i][f];
			}
		}
		List<Cluster> clusters = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			List<Trait> traits = new ArrayList<>();
			for (int f = 0; f < d; f++) {
				traits.add(new Trait(features.get(f), size[c] == 0 ? 0 : centroid[c][f] / size[c]));
			}
			traits.sort(Comparator.comparingDouble((Trait t) -> -Math.abs(t.deviations())));
			clusters.add(new Cluster(c, size[c], traits));
		}
		return clusters;
	}

}
