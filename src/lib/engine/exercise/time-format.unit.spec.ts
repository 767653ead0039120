import { describe, expect, it } from 'vitest';
import { MINUTE } from './clock';
import {
	formatClockMs,
	formatCountdownMs,
	formatDurationMs,
	formatHhmmFromMinutes,
	formatHhmmssFromMinutes,
	formatHoursMinutesFromMinutes
} from './time-format';

describe('exercise time formatting', () => {
	it('formats exercise time as hh:mm:ss', () => {
		expect(formatClockMs(3_723_000)).toBe('01:02:03');
		expect(formatClockMs(-5)).toBe('00:00:00');
	});

	it('formats exercise minutes as hh:mm, rounded to the minute', () => {
		expect(formatHhmmFromMinutes(125)).toBe('02:05');
		expect(formatHhmmFromMinutes(47.6)).toBe('00:48');
	});

	it('formats exercise minutes as hh:mm, with seconds only when there are some', () => {
		expect(formatHhmmssFromMinutes(125)).toBe('02:05');
		expect(formatHhmmssFromMinutes(90.5)).toBe('01:30:30');
	});

	it('formats a duration in ms as minutes', () => {
		expect(formatDurationMs(90_000)).toBe('1.5 min');
		expect(formatDurationMs(0)).toBe('0 min');
		expect(formatDurationMs(12.6 * MINUTE)).toBe('13 min');
	});

	it('formats a span of minutes as hours and minutes, rounding before splitting', () => {
		expect(formatHoursMinutesFromMinutes(719.7)).toBe('12 h 00 min');
		expect(formatHoursMinutesFromMinutes(719.4)).toBe('11 h 59 min');
		expect(formatHoursMinutesFromMinutes(65)).toBe('1 h 05 min');
		expect(formatHoursMinutesFromMinutes(44.6)).toBe('45 min');
		expect(formatHoursMinutesFromMinutes(-3)).toBe('0 min');
	});

	it('formats a countdown rounded up to the second', () => {
		expect(formatCountdownMs(9 * MINUTE + 4_200)).toBe('9:05');
		expect(formatCountdownMs(400)).toBe('0:01');
		expect(formatCountdownMs(0)).toBe('0:00');
		expect(formatCountdownMs(-10)).toBe('0:00');
		expect(formatCountdownMs(3_723_000)).toBe('1:02:03');
	});
});
