package org.rapport.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Service targets for one priority (and optionally one account tier), in business minutes of the
 * policy's own calendar.
 *
 * @param id id
 * @param priority low, normal, high or urgent
 * @param accountTier the account tier it applies to ({@code ""}: any)
 * @param firstResponseMinutes business minutes to the first public reply
 * @param resolutionMinutes business minutes to resolution
 * @param warnMinutes how long before a due time the agent is warned
 * @param timeZone the calendar's time zone
 * @param workDays ISO days of week (1 = Monday)
 * @param workStart opening time
 * @param workEnd closing time (00:00: midnight)
 * @param holidays non-working dates
 * @param version optimistic lock version
 */
public record SlaPolicy(long id, String priority, String accountTier, int firstResponseMinutes,
		int resolutionMinutes, int warnMinutes, String timeZone, List<Integer> workDays, LocalTime workStart,
		LocalTime workEnd, List<LocalDate> holidays, long version) {

	@JsonIgnore
	public BusinessCalendar calendar() {
		Set<DayOfWeek> days = workDays.stream().map(DayOfWeek::of).collect(Collectors.toSet());
		return new BusinessCalendar(ZoneId.of(timeZone), days, workStart, workEnd, Set.copyOf(holidays));
	}

}
