import { beforeEach, describe, expect, it } from 'vitest';
import { forgetNames, homeOf, namesFor, rememberNames, signedInAs } from './signed-in';

// A Map-backed localStorage for the node test environment.
const store = new Map<string, string>();
globalThis.localStorage = {
	getItem: (k: string) => store.get(k) ?? null,
	setItem: (k: string, v: string) => void store.set(k, v),
	removeItem: (k: string) => void store.delete(k),
	clear: () => store.clear(),
	key: () => null,
	length: 0
} as Storage;

describe('the signed-in line on the join page', () => {
	beforeEach(() => store.clear());

	it('names the team for the session that remembered it, and only for that one', () => {
		rememberNames('token-aaaaaaaaaaaaaaaaaaaa', 'Trinidad and Tobago Coast Guard', 'Drill');
		const session = { role: 'participant', name: 'Lt Baptiste', exerciseId: 'x', team: 'tt-coast-guard' } as const;
		expect(signedInAs(session, namesFor('token-aaaaaaaaaaaaaaaaaaaa'))).toBe('Lt Baptiste for Trinidad and Tobago Coast Guard');
		expect(namesFor('token-bbbbbbbbbbbbbbbbbbbb')).toBeNull();
		// Without remembered names the team is never shown by its id.
		expect(signedInAs(session, null)).toBe('Lt Baptiste for your team');
		forgetNames();
		expect(namesFor('token-aaaaaaaaaaaaaaaaaaaa')).toBeNull();
	});

	it('says the role of other sessions and where each continues', () => {
		expect(signedInAs({ role: 'evaluator', name: 'Joseph', exerciseId: 'x' }, null)).toBe('Joseph, evaluator');
		expect(signedInAs({ role: 'controller', name: 'Ana' }, null)).toBe('Ana, exercise controller');
		expect(homeOf('participant')).toBe('/play');
		expect(homeOf('controller')).toBe('/control');
		expect(homeOf('evaluator')).toBe('/review');
		expect(homeOf('observer')).toBe('/observe');
	});
});
