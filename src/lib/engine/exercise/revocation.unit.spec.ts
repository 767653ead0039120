import { describe, expect, it } from 'vitest';
import { given } from '../../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { timelineEntry } from '../review/timeline';
import { eventForAudience } from './audience';
import type { DomainEvent } from './events';
import { codeKey, openAccess, revocationOf, withRemoval, withRotation } from './revocation';
import { foldEvents } from './state';

const maria = { role: 'participant', exerciseId: 'x', team: 'coast-guard', sid: 'sid-maria', codeTag: 'tag-cg-1' };
const joao = { role: 'participant', exerciseId: 'x', team: 'coast-guard', sid: 'sid-joao', codeTag: 'tag-cg-1' };
const later = { role: 'participant', exerciseId: 'x', team: 'coast-guard', sid: 'sid-later', codeTag: 'tag-cg-2' };
/** A session signed before sessions carried a sid and a code tag. */
const legacy = { role: 'participant', exerciseId: 'x', team: 'coast-guard' };
const legacyCustoms = { role: 'participant', exerciseId: 'x', team: 'customs' };
const removal = { type: 'REMOVE_MEMBER', sid: 'sid-maria', name: 'Maria', role: 'participant', team: 'coast-guard', by: 'Ana' } as const;

describe('revocationOf', () => {
	it('refuses a removed member by session id and no one else', () => {
		const access = withRemoval(openAccess, { sid: 'sid-maria', name: 'Maria', role: 'participant', team: 'coast-guard', by: 'Ana', at: 0 });
		expect(revocationOf(access, maria)).toBe('removed');
		expect(revocationOf(access, joao)).toBeNull();
		expect(revocationOf(access, legacy)).toBeNull();
	});

	it('signs out the holders of a retired code only when asked to, and never those of the new one', () => {
		const quiet = withRotation(openAccess, { role: 'participant', team: 'coast-guard', signOut: false, retiredTag: null });
		expect(revocationOf(quiet, maria)).toBeNull();
		expect(quiet.rotations[codeKey('participant', 'coast-guard')]).toBe(1);
		const loud = withRotation(quiet, { role: 'participant', team: 'coast-guard', signOut: true, retiredTag: 'tag-cg-2' });
		expect(revocationOf(loud, later)).toBe('signed-out');
		// The first code was replaced without a sign-out: its holders keep their seats.
		expect(revocationOf(loud, maria)).toBeNull();
		expect(revocationOf(loud, legacy)).toBeNull();
	});

	it('treats a session without a code tag as joined with the first code of its team', () => {
		const access = withRotation(openAccess, { role: 'participant', team: 'coast-guard', signOut: true, retiredTag: 'tag-cg-1' });
		expect(revocationOf(access, legacy)).toBe('signed-out');
		expect(revocationOf(access, legacyCustoms)).toBeNull();
		expect(revocationOf(access, { role: 'evaluator', exerciseId: 'x' })).toBeNull();
	});

	it('never refuses a controller', () => {
		const access = withRotation(openAccess, { role: 'evaluator', team: null, signOut: true, retiredTag: 't' });
		expect(revocationOf(access, { role: 'controller' })).toBeNull();
		expect(revocationOf(access, { role: 'evaluator', exerciseId: 'x' })).toBe('signed-out');
	});
});

describe('removing members and rotating codes in the exercise', () => {
	it('records a removal in the log and folds it into the state, at any phase, once', () => {
		const x = given(miniScenario);
		const [removed] = x.send(removal, 0);
		expect(removed).toMatchObject({ type: 'member.removed', sid: 'sid-maria', name: 'Maria', team: 'coast-guard', by: 'Ana' });
		expect(revocationOf(x.state().access, maria)).toBe('removed');
		expect(x.refusal(removal, 1)).toMatch(/already been removed/);
		x.send({ type: 'START' }, 1);
		x.send({ type: 'END' }, 2);
		x.send({ ...removal, sid: 'sid-joao', name: 'João' }, 3);
		x.send({ type: 'CLOSE' }, 4);
		x.send({ type: 'ROTATE_CODE', role: 'evaluator', team: null, signOut: true, retiredTag: 'tag-ev-1', by: 'Ana' }, 5);
		// A restart rebuilds the same access from the log.
		expect(foldEvents('x', x.log).access).toEqual(x.state().access);
		expect(Object.keys(x.state().access.removed)).toEqual(['sid-maria', 'sid-joao']);
	});

	it('refuses codes of teams the scenario does not have, and a team on the evaluators’ code', () => {
		const x = given(miniScenario);
		expect(x.refusal({ type: 'ROTATE_CODE', role: 'participant', team: 'navy', signOut: false, retiredTag: null, by: 'Ana' }, 0)).toMatch(/unknown team/);
		expect(x.refusal({ type: 'ROTATE_CODE', role: 'evaluator', team: 'customs', signOut: false, retiredTag: null, by: 'Ana' }, 0)).toMatch(/no team/);
		expect(x.refusal({ ...removal, team: 'navy' }, 0)).toMatch(/unknown team/);
	});

	it('shows removals and rotations to controllers and evaluators only, with no code in them', () => {
		const x = given(miniScenario);
		x.send(removal, 0);
		x.send({ type: 'ROTATE_CODE', role: 'participant', team: 'coast-guard', signOut: true, retiredTag: 'tag-cg-1', by: 'Ana' }, 0);
		const [removed, rotated] = x.log.slice(-2) as DomainEvent[];
		for (const e of [removed, rotated]) {
			expect(eventForAudience(e, { role: 'controller' })).toEqual(e);
			expect(eventForAudience(e, { role: 'evaluator' })).toEqual(e);
			expect(eventForAudience(e, { role: 'participant', team: 'coast-guard' })).toBeNull();
			expect(eventForAudience(e, { role: 'participant', team: 'customs' })).toBeNull();
			expect(eventForAudience(e, { role: 'observer' })).toBeNull();
		}
		expect(Object.keys(rotated)).not.toContain('code');
		expect(timelineEntry(removed, miniScenario).line).toEqual({ kind: 'member-removed', by: 'Ana', name: 'Maria', role: 'participant', team: 'coast-guard' });
		expect(timelineEntry(rotated, miniScenario)).toMatchObject({
			kind: 'exercise',
			teams: ['coast-guard'],
			line: { kind: 'code-rotated', by: 'Ana', role: 'participant', team: 'coast-guard', signOut: true }
		});
	});
});
