package org.rapport.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Business-time arithmetic: nights, weekends, holidays, time zones and daylight-saving changes. */
class BusinessCalendarUnitTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static Instant at(ZoneId zone, String local) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

	@Test
	void withinOneWorkingDay() {
		BusinessCalendar c = BusinessCalendar.officeHours(ZoneOffset.UTC);
		// 2026-12-01 is a Tuesday
		assertThat(c.plusMinutes(at(ZoneOffset.UTC, "2026-12-01T10:00"), 90)).isEqualTo(at(ZoneOffset.UTC, "2026-12-01T11:30"));
		assertThat(c.minutesBetween(at(ZoneOffset.UTC, "2026-12-01T10:00"), at(ZoneOffset.UTC, "2026-12-01T11:30"))).isEqualTo(90);
	}

	@Test
	void theNightDoesNotCount() {
		BusinessCalendar c = BusinessCalendar.officeHours(ZoneOffset.UTC);
		// 16:00 + 2h = 1h today, 1h tomorrow morning
		assertThat(c.plusMinutes(at(ZoneOffset.UTC, "2026-12-01T16:00"), 120)).isEqualTo(at(ZoneOffset.UTC, "2026-12-02T10:00"));
		assertThat(c.minutesBetween(at(ZoneOffset.UTC, "2026-12-01T16:00"), at(ZoneOffset.UTC, "2026-12-02T10:00"))).isEqualTo(120);
		// started at night: the clock starts at nine
		assertThat(c.plusMinutes(at(ZoneOffset.UTC, "2026-12-01T23:30"), 30)).isEqualTo(at(ZoneOffset.UTC, "2026-12-02T09:30"));
		assertThat(c.plusMinutes(at(ZoneOffset.UTC, "2026-12-02T03:00"), 30)).isEqualTo(at(ZoneOffset.UTC, "2026-12-02T09:30"));
		// exactly at closing time the target is met at closing, not the next morning
		assertThat(c.plusMinutes(at(ZoneOffset.UTC, "2026-12-01T16:00"), 60)).isEqualTo(at(ZoneOffset.UTC, "2026-12-01T17:00"));
		assertThat(c.minutesBetween(at(ZoneOffset.UTC, "2026-12-01T18:00"), at(ZoneOffset.UTC, "2026-12-02T08:59"))).isZero();
	}

	@Test
	void weekendsDoNotCount() {
		BusinessCalendar c = BusinessCalendar.officeHours(ZoneOffset.UTC);
		// Friday 2026-12-04 16:30 + 1h = Monday 2026-12-07 09:30
		assertThat(c.plusMinutes(at(ZoneOffset.UTC, "2026-12-04T16:30"), 60)).isEqualTo(at(ZoneOffset.UTC, "2026-12-07T09:30"));
		assertThat(c.minutesBetween(at(ZoneOffset.UTC, "2026-12-04T16:30"), at(ZoneOffset.UTC, "2026-12-07T09:30"))).isEqualTo(60);
		// a ticket opened on Saturday starts on Monday
		assertThat(c.plusMinutes(at(ZoneOffset.UTC, "2026-12-05T11:00"), 8 * 60)).isEqualTo(at(ZoneOffset.UTC, "2026-12-07T17:00"));
		// a whole week: five days of eight hours
		assertThat(c.minutesBetween(at(ZoneOffset.UTC, "2026-11-30T00:00"), at(ZoneOffset.UTC, "2026-12-07T00:00"))).isEqualTo(5 * 8 * 60);
	}

	@Test
	void holidaysDoNotCount() {
		// 2026-12-24 Thursday and 2026-12-25 Friday are holidays
		BusinessCalendar c = new BusinessCalendar(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));
		assertThat(c.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
		// Wednesday 16:00 Berlin + 2h → 1h Wednesday, then Thursday, Friday, the weekend off → Monday 28th 10:00
		assertThat(c.plusMinutes(at(BERLIN, "2026-12-23T16:00"), 120)).isEqualTo(at(BERLIN, "2026-12-28T10:00"));
		assertThat(c.minutesBetween(at(BERLIN, "2026-12-23T16:00"), at(BERLIN, "2026-12-28T10:00"))).isEqualTo(120);
	}

	@Test
	void hoursAreThePolicysLocalHours() {
		BusinessCalendar shanghai = BusinessCalendar.officeHours(SHANGHAI);
		// 09:00 in Shanghai is 01:00 UTC
		Instant utcMidnight = Instant.parse("2026-12-01T00:00:00Z");
		assertThat(shanghai.plusMinutes(utcMidnight, 1)).isEqualTo(Instant.parse("2026-12-01T01:01:00Z"));
		// the same instant, a New York policy: Monday 2026-11-30 19:00 local, after hours → Tuesday 09:01 local
		BusinessCalendar ny = BusinessCalendar.officeHours(NEW_YORK);
		assertThat(ny.plusMinutes(utcMidnight, 1)).isEqualTo(at(NEW_YORK, "2026-12-01T09:01"));
	}

	@Test
	void daylightSavingChangesMoveTheWorkingDayInRealTime() {
		BusinessCalendar c = BusinessCalendar.officeHours(BERLIN);
		// Friday 2026-03-27 09:00 is 08:00 UTC (CET); Monday 2026-03-30 09:00 is 07:00 UTC (CEST)
		Instant friday = at(BERLIN, "2026-03-27T16:00");
		assertThat(friday).isEqualTo(Instant.parse("2026-03-27T15:00:00Z"));
		Instant due = c.plusMinutes(friday, 120);
		assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
		assertThat(c.minutesBetween(friday, due)).isEqualTo(120);
		// and back in autumn: Friday 2026-10-23 (CEST) to Monday 2026-10-26 (CET)
		Instant autumn = c.plusMinutes(at(BERLIN, "2026-10-23T16:00"), 120);
		assertThat(autumn).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
	}

	@Test
	void aRoundTheClockDayAcrossTheSpringChangeHasTwentyThreeHours() {
		BusinessCalendar c = BusinessCalendar.always(BERLIN);
		// Sunday 2026-03-29: 02:00 → 03:00 local
		Duration day = c.between(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-30T00:00"));
		assertThat(day).isEqualTo(Duration.ofHours(23));
		Duration autumnDay = c.between(at(BERLIN, "2026-10-25T00:00"), at(BERLIN, "2026-10-26T00:00"));
		assertThat(autumnDay).isEqualTo(Duration.ofHours(25));
		// working hours 01:00–05:00 on the change night are three real hours
		BusinessCalendar night = new BusinessCalendar(BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0),
				LocalTime.of(5, 0), Set.of());
		assertThat(night.between(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-29T12:00")))
			.isEqualTo(Duration.ofHours(3));
		assertThat(night.plusMinutes(at(BERLIN, "2026-03-29T00:00"), 180)).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
	}

	@Test
	void plusAndBetweenAgree() {
		BusinessCalendar c = new BusinessCalendar(NEW_YORK, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.SATURDAY), LocalTime.of(8, 30), LocalTime.of(12, 15), Set.of(LocalDate.of(2026, 3, 9)));
		Instant start = Instant.parse("2026-03-01T10:17:00Z");
		for (long minutes = 0; minutes < 60 * 200; minutes += 97) {
			Instant due = c.plusMinutes(start, minutes);
			assertThat(c.minutesBetween(start, due)).as("after %d minutes", minutes).isEqualTo(minutes);
		}
	}

	@Test
	void refusesCalendarsWithoutWorkingTime() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BusinessCalendar(ZoneOffset.UTC,
				EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new BusinessCalendar(ZoneOffset.UTC,
				EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(17, 0), LocalTime.of(9, 0), Set.of()));
	}

}
