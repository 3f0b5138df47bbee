package org.rapport.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Business time of one SLA policy: working days and hours in a time zone, minus holidays. Hours are
 * local wall-clock times, so a working day across a daylight-saving change is an hour shorter or
 * longer in real time, as the people working it experience it. An end of 00:00 means midnight at the
 * end of the day (a 24-hour day from 00:00 to 00:00).
 *
 * @param zone the policy's time zone
 * @param workDays working days of the week
 * @param start start of the working day (local)
 * @param end end of the working day (local; 00:00 for midnight)
 * @param holidays non-working dates
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workDays, LocalTime start, LocalTime end,
		Set<LocalDate> holidays) {

	/** The search gives up after this many days (no policy has targets this long). */
	private static final int MAX_DAYS = 366 * 30;

	public BusinessCalendar {
		if (zone == null || workDays == null || workDays.isEmpty() || start == null || end == null) {
			throw new IllegalArgumentException("A time zone, at least one working day and working hours are required");
		}
		if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
			throw new IllegalArgumentException("Working hours must end after they start");
		}
		workDays = Set.copyOf(EnumSet.copyOf(workDays));
		holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
	}

	/** Monday to Friday, 09:00 to 17:00 in the zone, no holidays. */
	public static BusinessCalendar officeHours(ZoneId zone) {
		return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
				LocalTime.of(17, 0), Set.of());
	}

	/** Every day, all day: business time equals real time. */
	public static BusinessCalendar always(ZoneId zone) {
		return new BusinessCalendar(zone, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
				Set.of());
	}

	/** Whether the date is a working day. */
	public boolean isWorkingDay(LocalDate date) {
		return workDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
	}

	/** The instant at which {@code amount} of business time has passed since {@code from}. */
	public Instant plus(Instant from, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("Business time to add must not be negative");
		}
		if (amount.isZero()) {
			return from;
		}
		long remaining = amount.toMillis();
		LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			Instant windowStart = opening(day);
			Instant windowEnd = closing(day);
			if (!windowEnd.isAfter(from)) {
				continue;
			}
			Instant s = windowStart.isAfter(from) ? windowStart : from;
			long available = Duration.between(s, windowEnd).toMillis();
			if (remaining <= available) {
				return s.plusMillis(remaining);
			}
			remaining -= available;
		}
		throw new IllegalArgumentException("No working time within " + MAX_DAYS + " days");
	}

	public Instant plusMinutes(Instant from, long minutes) {
		return plus(from, Duration.ofMinutes(minutes));
	}

	/** Business time between two instants (zero when {@code to} is not after {@code from}). */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		long total = 0;
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			Instant s = max(opening(day), from);
			Instant e = min(closing(day), to);
			if (e.isAfter(s)) {
				total += Duration.between(s, e).toMillis();
			}
		}
		return Duration.ofMillis(total);
	}

	/** Whole business minutes between two instants. */
	public long minutesBetween(Instant from, Instant to) {
		return between(from, to).toMinutes();
	}

	private Instant opening(LocalDate day) {
		return day.atTime(start).atZone(zone).toInstant();
	}

	private Instant closing(LocalDate day) {
		return end.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
				: day.atTime(end).atZone(zone).toInstant();
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
