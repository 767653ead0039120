import { describe, expect, it } from 'vitest';
import { MINUTE } from './clock';
import { formatClockMs, formatDurationMs, formatHhmmFromMinutes, formatHhmmssFromMinutes } from './time-format';

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
});
