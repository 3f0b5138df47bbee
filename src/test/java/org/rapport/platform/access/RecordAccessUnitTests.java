package org.rapport.platform.access;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.platform.AccessScope;
import org.rapport.platform.data.SqlQuery;

import static org.assertj.core.api.Assertions.assertThat;

class RecordAccessUnitTests {

	private final RecordAccess access = new RecordAccess(null, null, null, null);

	@Test
	void aRepsSearchWalksTheirOwnRecordsAndThoseSharedWithThemThatOthersOwn() {
		SqlQuery q = new SqlQuery();
		List<String> parts = access.walkParts("c", "contact", new AccessScope(AccessScope.Kind.OWN, 7, List.of(7L)), q);
		assertThat(parts).hasSize(2);
		assertThat(parts.get(0)).startsWith("c.owner_id = :");
		assertThat(parts.get(1)).contains("record_shares").contains("c.owner_id <> all(");
		assertThat(q.params().values()).contains(7L, "contact");
	}

	@Test
	void aManagersSearchWalksEachTeamMembersRecordsAndTheSharedOnes() {
		SqlQuery q = new SqlQuery();
		List<String> parts = access.walkParts("a", "account",
				new AccessScope(AccessScope.Kind.TEAM, 3, List.of(3L, 4L, 5L)), q);
		assertThat(parts).hasSize(4);
		assertThat(parts.subList(0, 3)).allMatch(p -> p.startsWith("a.owner_id = :"));
		assertThat(parts.get(3)).contains("a.owner_id <> all(");
	}

	@Test
	void whoSeesEverythingOrAVeryLargeTeamWalksTheWholeTable() {
		assertThat(access.walkParts("c", "contact", new AccessScope(AccessScope.Kind.ALL, 1, List.of()), new SqlQuery()))
			.isEmpty();
		List<Long> many = new ArrayList<>();
		for (long i = 1; i <= RecordAccess.MAX_WALK_PARTS + 1; i++) {
			many.add(i);
		}
		assertThat(access.walkParts("c", "contact", new AccessScope(AccessScope.Kind.TEAM, 1, many), new SqlQuery()))
			.isEmpty();
		assertThat(access.walkParts("c", "contact",
				new AccessScope(AccessScope.Kind.TEAM, 1, many.subList(0, RecordAccess.MAX_WALK_PARTS)), new SqlQuery()))
			.hasSize(RecordAccess.MAX_WALK_PARTS + 1);
	}

}
