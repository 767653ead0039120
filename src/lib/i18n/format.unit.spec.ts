import { describe, expect, it } from 'vitest';
import { formatDate, formatHoursMinutes, formatKnots, formatList, formatMinutesMs, formatNm, formatNumber, formatPosition } from './format';

describe('formatting in the reader’s language', () => {
	it('writes numbers the way each language does, Haitian Creole the French way', () => {
		expect(formatNumber(12345.6, { maximumFractionDigits: 1 }, 'en')).toBe('12,345.6');
		expect(formatNumber(12345.6, { maximumFractionDigits: 1 }, 'nl')).toBe('12.345,6');
		expect(formatNumber(12345.6, { maximumFractionDigits: 1 }, 'ht')).toBe(formatNumber(12345.6, { maximumFractionDigits: 1 }, 'fr'));
		expect(formatNumber(12345.6, { maximumFractionDigits: 1 }, 'fr')).toMatch(/^12\s345,6$/);
	});

	it('keeps knots and nautical miles in every language', () => {
		expect(formatKnots(24.6, 'es')).toBe('25 kn');
		expect(formatNm(4.25, 'fr')).toBe('4,3 nm');
		expect(formatNm(37.4, 'en')).toBe('37 nm');
		expect(formatPosition([-61.75, 12.345], 'nl')).toBe('12,35°N 61,75°W');
	});

	it('splits hours and minutes once rounded, never "11 h 60 min"', () => {
		expect(formatHoursMinutes(719.7, 'en')).toMatch(/^12 hr 00 min$/);
		expect(formatHoursMinutes(45, 'fr')).toMatch(/^45\smin$/);
		expect(formatHoursMinutes(65, 'es')).toMatch(/^1\sh 05\smin$/);
		expect(formatMinutesMs(270_000, 'en')).toBe('4.5 min');
		expect(formatMinutesMs(270_000, 'fr')).toMatch(/^4,5\smin$/);
	});

	it('joins lists with the language’s own word, "ak" in Haitian Creole', () => {
		expect(formatList(['A', 'B', 'C'], 'conjunction', 'es')).toBe('A, B y C');
		expect(formatList(['A', 'B', 'C'], 'conjunction', 'ht')).toBe('A, B ak C');
		expect(formatList(['A'], 'conjunction', 'ht')).toBe('A');
	});

	it('writes Haitian Creole dates in figures, not French month names', () => {
		const wall = Date.UTC(2026, 11, 2, 12);
		expect(formatDate(wall, 'long', 'ht')).toMatch(/^0?2\/12\/(20)?26$/);
		expect(formatDate(wall, 'long', 'es')).toContain('diciembre');
	});
});
