import { describe, expect, it } from 'vitest';
import { formatMinute, parseMinute } from './msel-time';

describe('MSEL time cells', () => {
	it('shows minutes as h:mm, with seconds only when there are some', () => {
		expect(formatMinute(0)).toBe('0:00');
		expect(formatMinute(65)).toBe('1:05');
		expect(formatMinute(90.5)).toBe('1:30:30');
		expect(formatMinute(1440)).toBe('24:00');
		expect(formatMinute(-3)).toBe('0:00');
	});

	it('reads what planners type', () => {
		expect(parseMinute('45')).toBe(45);
		expect(parseMinute(' 1:05 ')).toBe(65);
		expect(parseMinute('01:05:30')).toBe(65.5);
		expect(parseMinute('1h05')).toBe(65);
		expect(parseMinute('1 h 5')).toBe(65);
		expect(parseMinute('2h')).toBe(120);
		expect(parseMinute('T+1:05')).toBe(65);
		expect(parseMinute('2,5')).toBe(2.5);
		expect(parseMinute('12 min')).toBe(12);
		expect(parseMinute(formatMinute(93))).toBe(93);
	});

	it('refuses what is not a time', () => {
		for (const text of ['', 'soon', '1:75', '-5', '1:2', 'h']) expect(parseMinute(text)).toBeNull();
	});
});
