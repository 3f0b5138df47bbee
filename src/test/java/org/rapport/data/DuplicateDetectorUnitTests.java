package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.data.internal.matching.Candidate;
import org.rapport.data.internal.matching.ChineseNames;
import org.rapport.data.internal.matching.DuplicateDetector;
import org.rapport.data.internal.matching.MatchRecord;
import org.rapport.data.internal.matching.MatchResult;

class DuplicateDetectorUnitTests {

	private final DuplicateDetector detector = new DuplicateDetector();

	private static MatchRecord.Builder person(String key) {
		return MatchRecord.builder(key);
	}

	@Test
	void nicknameWithSameEmailInOtherCaseIsADuplicate() {
		MatchResult r = detector.compare(person("1").givenName("Bill").familyName("Gates").email("Bill.Gates@Example.com").build(),
				person("2").givenName("William").familyName("Gates").email("bill.gates@example.com").build());
		assertThat(r.score()).isGreaterThan(0.9);
		assertThat(r.reasons()).contains("nickname", "same-email", "same-family-name");
	}

	@Test
	void phonesInAnyFormatAreTheSame() {
		MatchResult r = detector.compare(person("1").givenName("Robert").familyName("Miller").phone("+44 20 7946 0958").build(),
				person("2").givenName("Bob").familyName("Miler").phone("(020) 7946-0958").build());
		assertThat(r.score()).isGreaterThan(0.8);
		assertThat(r.reasons()).contains("same-phone", "nickname", "similar-family-name");
	}

	@Test
	void chineseNameInHanziMatchesPinyinInEitherOrderOrWholeInOneField() {
		MatchRecord hanzi = person("1").familyName("张").givenName("晓明").phone("13812345678").build();
		MatchRecord pinyinWestern = person("2").givenName("Xiaoming").familyName("Zhang").phone("+86 138 1234 5678").build();
		MatchRecord pinyinSwapped = person("3").givenName("Zhang").familyName("Xiaoming").phone("138-1234-5678").build();
		MatchRecord whole = person("4").fullName("张晓明").phone("0086 13812345678").build();
		MatchRecord wholeInFirstName = person("5").givenName("张晓明").phone("13812345678").build();
		for (MatchRecord other : List.of(pinyinWestern, pinyinSwapped, whole, wholeInFirstName)) {
			MatchResult r = detector.compare(hanzi, other);
			assertThat(r.score()).as(other.toString()).isGreaterThan(0.9);
		}
		assertThat(detector.compare(hanzi, pinyinWestern).reasons()).contains("pinyin");
		assertThat(detector.compare(hanzi, pinyinSwapped).reasons()).contains("name-order-swapped");
	}

	@Test
	void splitsChineseFullNamesIncludingCompoundSurnames() {
		assertThat(ChineseNames.split("张伟")).containsExactly("张", "伟");
		assertThat(ChineseNames.split("欧阳娜娜")).containsExactly("欧阳", "娜娜");
		assertThat(ChineseNames.split("司马光")).containsExactly("司马", "光");
		assertThat(ChineseNames.split("王小 明")).containsExactly("王", "小明");
	}

	@Test
	void companySuffixesDoNotMatter() {
		MatchResult english = detector.compare(MatchRecord.builder("1").organisation("Acme Ltd.").city("Leeds").phone("0113 496 0000").build(),
				MatchRecord.builder("2").organisation("ACME Limited").city("Leeds").phone("+44 113 4960000").build());
		assertThat(english.score()).isGreaterThan(0.9);
		assertThat(english.reasons()).contains("same-organisation");
		MatchResult chinese = detector.compare(MatchRecord.builder("1").organisation("上海云帆科技有限公司").city("上海").build(),
				MatchRecord.builder("2").organisation("上海云帆科技公司").city("上海").build());
		assertThat(chinese.reasons()).contains("same-organisation");
		assertThat(chinese.score()).isGreaterThan(0.5);
		MatchResult german = detector.compare(MatchRecord.builder("1").organisation("Müller GmbH").postcode("80331").build(),
				MatchRecord.builder("2").organisation("Muller").postcode("80331").build());
		assertThat(german.score()).isGreaterThan(0.5);
	}

	@Test
	void differentCompaniesAreNotOne() {
		MatchResult r = detector.compare(MatchRecord.builder("1").organisation("Acme Ltd").city("Leeds").build(),
				MatchRecord.builder("2").organisation("Globex Inc").city("Leeds").build());
		assertThat(r.score()).isLessThan(0.5);
	}

	@Test
	void addressesWithAbbreviationsMatch() {
		MatchResult r = detector.compare(
				person("1").givenName("Anna").familyName("Schmidt").street("12 Wallaby St").city("Sydney").postcode("2000").build(),
				person("2").givenName("Anna").familyName("Schmidt").street("12 wallaby street").city("sydney").postcode("2000").build());
		assertThat(r.score()).isGreaterThan(0.9);
		assertThat(r.reasons()).contains("similar-address", "same-postcode");
	}

	@Test
	void twoDifferentPeopleSharingACommonNameAreNotProposedAsOne() {
		MatchRecord a = person("1").givenName("John").familyName("Smith").email("john.smith@alpha.com").phone("+1 212 555 0100").city("New York").build();
		MatchRecord b = person("2").givenName("John").familyName("Smith").email("jsmith@beta.org").phone("+1 415 555 0199").city("San Francisco").build();
		assertThat(detector.compare(a, b).score()).isLessThan(0.5);
		// nothing but the same name (and town): still not one person
		MatchRecord c = person("3").givenName("John").familyName("Smith").city("London").build();
		MatchRecord d = person("4").givenName("John").familyName("Smith").city("London").build();
		MatchResult names = detector.compare(c, d);
		assertThat(names.score()).isLessThan(0.5);
		assertThat(names.reasons()).contains("name-only");
		MatchRecord e = person("5").fullName("王伟").email("wangwei@a.cn").build();
		MatchRecord f = person("6").fullName("王伟").email("ww@b.cn").build();
		assertThat(detector.compare(e, f).score()).isLessThan(0.5);
		assertThat(detector.deduplicate(List.of(a, b, c, d, e, f))).isEmpty();
	}

	@Test
	void blockingKeepsComparisonsNearLinear() {
		List<MatchRecord> records = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			records.add(person("r" + i).givenName("given" + (i % 997)).familyName("family" + i)
				.email("p" + i + "@example.com").phone(String.format("+1 555 %07d", i)).build());
		}
		records.add(person("dup").givenName("given3").familyName("family3").email("P3@example.com").build());
		DuplicateDetector counting = new DuplicateDetector();
		List<Candidate> found = counting.deduplicate(records);
		assertThat(found).extracting(c -> Febrl.pair(c.left(), c.right())).containsExactly(Febrl.pair("r3", "dup"));
		// 20,001 records: 200 million pairs in full; blocking compares a tiny fraction
		assertThat(counting.comparisons()).isLessThan(200_000);
	}

	@Test
	void largeBlocksAreComparedAsSortedNeighbourhoods() {
		// 1,000 namesakes fill one name block; the duplicate pair shares no other key (the postcode has a typo)
		List<MatchRecord> records = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			records.add(person("r" + i).givenName("John").familyName("Smith").email("js" + i + "@example.com")
				.phone(String.format("+1 555 %07d", i)).street((i + 20) + " King Street").postcode("3" + (100 + i)).build());
		}
		records.add(person("x").givenName("John").familyName("Smith").street("12 High Street").postcode("2000").build());
		records.add(person("y").givenName("John").familyName("Smith").street("12 High St").postcode("2001").build());
		DuplicateDetector skipping = new DuplicateDetector(0.5, 300, 0);
		assertThat(skipping.deduplicate(records)).isEmpty();
		DuplicateDetector windowed = new DuplicateDetector(0.5, 300, 10);
		List<Candidate> found = windowed.deduplicate(records);
		assertThat(found).extracting(c -> Febrl.pair(c.left(), c.right())).containsExactly(Febrl.pair("x", "y"));
		// the namesakes are compared with their ten neighbours only (in each of the two name blocks), not all 500,000 pairs
		assertThat(windowed.comparisons()).isLessThanOrEqualTo(2L * 1_002 * 10);
		assertThat(windowed.blocksDone()).isEqualTo(windowed.blocksTotal()).isPositive();
	}

	@Test
	void againstExistingComparesIncomingWithExistingAndEachOtherButNotExistingPairs() {
		MatchRecord old1 = person("old1").givenName("Ann").familyName("Lee").email("ann@x.com").build();
		MatchRecord old2 = person("old2").givenName("Ann").familyName("Lee").email("ann@x.com").build();
		MatchRecord new1 = person("new1").givenName("Anne").familyName("Lee").email("ANN@x.com").build();
		List<Candidate> found = detector.against(List.of(new1), List.of(old1, old2));
		assertThat(found).extracting(Candidate::left).containsOnly("new1");
		assertThat(found).extracting(Candidate::right).containsExactlyInAnyOrder("old1", "old2");
	}

}
