package org.rapport.analytics.recommend;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.retail.OnlineRetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recommendations on UCI Online Retail with a time split (train before 2011-09-01, test after):
 * hit-rate@10 of item-to-item co-occurrence and of implicit ALS at least twice the popularity
 * baseline's.
 */
class OnlineRetailRecommendationUnitTests {

	@Test
	void coOccurrenceAndAlsHitRateAtTenAtLeastTwiceThePopularityBaseline() {
		OnlineRetailSplit split = OnlineRetailSplit.of(OnlineRetail.full());
		Purchases train = split.train();
		System.out.printf("train: %d customers, %d products, %d pairs; held out: %d customers%n", train.customerCount(),
				train.productCount(), train.pairs(), split.heldOut().size());
		assertThat(split.heldOut().size()).isGreaterThan(1000);

		PopularityRecommender popular = new PopularityRecommender(train);
		double popularity = split.hitRate(popular, 10);

		long t0 = System.nanoTime();
		CoOccurrenceRecommender coOccurrence = new CoOccurrenceRecommender(train);
		double co = split.hitRate(coOccurrence, 10);
		long t1 = System.nanoTime();
		ImplicitAls.Model als = ImplicitAls.defaults().fit(train);
		long t2 = System.nanoTime();
		double factorised = split.hitRate(als, 10);
		long t3 = System.nanoTime();
		System.out.printf("hit-rate@10: popularity %.4f, co-occurrence %.4f (%.1f s), ALS %.4f (fit %.1f s, score %.1f s)%n",
				popularity, co, (t1 - t0) / 1e9, factorised, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
		System.out.printf("any new product in the top 10: popularity %.4f, co-occurrence %.4f, ALS %.4f%n",
				split.anyHitRate(popular, 10), split.anyHitRate(coOccurrence, 10), split.anyHitRate(als, 10));

		assertThat(co).isGreaterThanOrEqualTo(2 * popularity);
		assertThat(factorised).isGreaterThanOrEqualTo(2 * popularity);
	}

	@Test
	void coOccurrenceNamesTheProductBoughtWithItAndHowManyCustomersDid() {
		Purchases p = new Purchases();
		// a and b go together for three customers, c is popular but unrelated
		p.add("1", "a", "o1");
		p.add("1", "b", "o1");
		p.add("2", "a", "o2");
		p.add("2", "b", "o2");
		p.add("3", "a", "o3");
		p.add("3", "b", "o3");
		p.add("3", "c", "o3");
		p.add("4", "c", "o4");
		p.add("5", "c", "o5");
		p.add("6", "c", "o6");
		p.add("7", "a", "o7");
		CoOccurrenceRecommender r = new CoOccurrenceRecommender(p);
		List<Recommendation> recs = r.recommend(p.customerIndex("7"), 5);
		assertThat(recs).isNotEmpty();
		Recommendation first = recs.get(0);
		assertThat(p.product(first.product())).isEqualTo("b");
		assertThat(p.product(first.because())).isEqualTo("a");
		assertThat(first.customers()).isEqualTo(3);
		// b: 3/sqrt(4·3); c: 1/sqrt(4·4)
		assertThat(first.score()).isCloseTo(3 / Math.sqrt(12), org.assertj.core.api.Assertions.within(1e-12));
		assertThat(recs.get(1).score()).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-12));
		assertThat(new PopularityRecommender(p).recommend(p.customerIndex("7"), 1).get(0).product())
			.isEqualTo(p.productIndex("c"));
	}

}
