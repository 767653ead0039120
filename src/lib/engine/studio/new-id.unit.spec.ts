import { describe, expect, it } from 'vitest';
import { idsOf, newId } from './new-id';

describe('a new id', () => {
	it('is made from the name and never repeats one the scenario has', () => {
		expect(newId('Coast Guard (T&T)', [], 'team')).toBe('coast-guard-t-t');
		expect(newId('Coast guard', ['coast-guard', 'coast-guard-2'], 'team')).toBe('coast-guard-3');
		expect(newId('', [], 'inject')).toMatch(/^inject/);
		expect(newId('x'.repeat(200), [], 'inject').length).toBeLessThanOrEqual(64);
	});
	it('reads the ids of a raw list, skipping items without one', () => {
		expect(idsOf([{ id: 'a' }, { name: 'b' }, null, { id: 3 }, { id: 'c' }])).toEqual(['a', 'c']);
		expect(idsOf(undefined)).toEqual([]);
	});
});
