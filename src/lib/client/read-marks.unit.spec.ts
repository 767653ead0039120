import { describe, expect, it } from 'vitest';
import { MAX_READ_MARKS, parseReadMarks, readMarksKey, serializeReadMarks } from './read-marks';

describe('read marks', () => {
	it('round-trip through their stored form', () => {
		const ids = new Set(['tip', 'passed:m1']);
		expect(parseReadMarks(serializeReadMarks(ids))).toEqual(ids);
	});

	it('start empty from nothing or from something unreadable', () => {
		expect(parseReadMarks(null).size).toBe(0);
		expect(parseReadMarks('{not json').size).toBe(0);
		expect(parseReadMarks('{"a":1}').size).toBe(0);
		expect([...parseReadMarks('["a", 3, null, "b"]')]).toEqual(['a', 'b']);
	});

	it('keep the latest ids when there are too many', () => {
		const ids = new Set(Array.from({ length: MAX_READ_MARKS + 5 }, (_, i) => `i${i}`));
		const kept = parseReadMarks(serializeReadMarks(ids));
		expect(kept.size).toBe(MAX_READ_MARKS);
		expect(kept.has('i0')).toBe(false);
		expect(kept.has(`i${MAX_READ_MARKS + 4}`)).toBe(true);
	});

	it('are kept apart per exercise, team and member', () => {
		expect(readMarksKey('x1', 'coast-guard', 'Lt Baptiste')).not.toBe(readMarksKey('x1', 'customs', 'Lt Baptiste'));
	});
});
