import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '$lib/engine/exercise/events';
import type { ExerciseState } from '$lib/engine/exercise/state';
import { foldEvents } from '$lib/engine/exercise/state';
import { eventForAudience } from '$lib/engine/exercise/audience';
import type { DisplacementPicture } from '$lib/engine/sim/displacement';
import { displacementPictureAt } from '$lib/engine/sim/displacement-state';
import { playSmuggling, SMUGGLING_END } from '../../../tests/fixtures/smuggling-scenario';
import { newsLine, publicConstructs, publicCounts, publicNews } from './public-picture';

let seq = 0;
const ev = (body: Record<string, unknown>, at = 0): DomainEvent =>
	({ exerciseId: 'x', at, wall: 0, actor: 'system', seq: ++seq, ...body }) as unknown as DomainEvent;
const state = {
	entities: {
		cutter: { id: 'cutter', name: 'TTCG Cutter 1', kind: 'vessel' },
		cargo: { id: 'cargo', name: 'MV Sapphire Coast', kind: 'vessel' },
		pos: { id: 'pos', name: 'Port of Spain', kind: 'port' }
	},
	scenario: { entities: [] }
} as unknown as ExerciseState;
const totals = { atSea: 0, inDistress: 0, received: 40, awaitingScreening: 0, screened: 0, sheltered: 30, unsheltered: 10, unaccompaniedMinors: 0 };
const picture = { at: 0, totals, byState: {}, facilities: [] } as DisplacementPicture;

describe("the observer's counts", () => {
	it('counts the maritime picture: tracked craft, assets tasked (once each), intercepts (not shadowing)', () => {
		const events = [
			ev({ type: 'asset.tasked', entityId: 'cutter', order: { type: 'goto' } }),
			ev({ type: 'asset.tasked', entityId: 'cutter', order: { type: 'hold' } }),
			ev({ type: 'intercept.achieved', entityId: 'cutter', target: 'go-fast', shadowing: false, waters: { kind: 'high-seas' } }),
			ev({ type: 'intercept.achieved', entityId: 'plane', target: 'go-fast', shadowing: true, waters: { kind: 'high-seas' } })
		];
		expect(publicCounts(state, events, null).map((c) => [c.key, c.value])).toEqual([
			['tracked', 2],
			['tasked', 1],
			['intercepts', 1]
		]);
	});

	it('counts people in distress from a public mayday even when the boat is not shown, until it lands', () => {
		const mayday = ev({ type: 'simulation.alert', alert: 'distress', entityId: 'blessings', count: 17, detail: '' });
		const counts = (events: DomainEvent[]) => Object.fromEntries(publicCounts(state, events, picture).map((c) => [c.key, c.value]));
		expect(counts([mayday])).toMatchObject({ 'at-sea': 17, 'in-distress': 17, landed: 40, sheltered: 30, unsheltered: 10 });
		expect(counts([mayday, ev({ type: 'boat.landed', entityId: 'blessings', port: 'pos', people: 17, entity: { name: 'Blessings' } })])).toMatchObject({
			'in-distress': 0
		});
	});
});

/** What an observer of the played smuggling exercise holds: only the events observers receive, folded as its browser does. */
function observerOf(log: readonly DomainEvent[]) {
	const events = log.flatMap((e) => eventForAudience(e, { role: 'observer' }) ?? []);
	const seen = foldEvents('x', events);
	return { state: seen, events, picture: displacementPictureAt(seen, SMUGGLING_END) };
}
const keysOf = (counts: { key: string }[]) => counts.map((c) => c.key);
const DISPLACEMENT_KEYS = ['at-sea', 'in-distress', 'landed', 'sheltered', 'unsheltered'];
const INTERDICTION_KEYS = ['tracked', 'tasked', 'intercepts'];

describe("the observer's counts in an exercise that mixes boats of people, a go-fast, intercepts and shelters", () => {
	it.each(['maritime-trafficking', 'displacement'] as const)('shows both the people and the interdiction counts as a %s scenario', (kind) => {
		const { state: seen, events, picture } = observerOf(playSmuggling(kind).log);
		const counts = publicCounts(seen, events, picture);
		expect(keysOf(counts)).toEqual([...DISPLACEMENT_KEYS, ...INTERDICTION_KEYS]);
		const value = Object.fromEntries(counts.map((c) => [c.key, c.value]));
		// The pirogue's twenty landed at St George's; the go-fast was stopped once, by the one asset tasked.
		expect(value).toMatchObject({ landed: 20, 'at-sea': 0, tasked: 1, intercepts: 1 });
		expect(value.sheltered! + value.unsheltered!).toBeGreaterThan(0);
	});

	it('learns of a hidden go-fast only from the public tasking to intercept it, and then shows the interdiction counts', () => {
		const log = playSmuggling('displacement', 'revealed').log;
		const tasking = log.findIndex((e) => e.type === 'asset.tasked');
		const before = observerOf(log.slice(0, tasking));
		// Nothing observers receive says there is a suspect craft yet: the go-fast is not in their scenario.
		expect(before.state.scenario?.entities.map((e) => e.id)).not.toContain('go-fast');
		expect(publicConstructs(before.state, before.events)).toEqual({ displacement: true, interdiction: false });
		expect(keysOf(publicCounts(before.state, before.events, before.picture))).toEqual(DISPLACEMENT_KEYS);
		const after = observerOf(log.slice(0, tasking + 1));
		expect(keysOf(publicCounts(after.state, after.events, after.picture))).toEqual([...DISPLACEMENT_KEYS, ...INTERDICTION_KEYS]);
	});

	it('does not take the rescue of a boat of people for an interdiction', () => {
		const boat = { id: 'pirogue', name: 'Pirogue', kind: 'boat', people: { total: 20, minors: 0, unaccompaniedMinors: 0 } };
		const rescue = {
			...state,
			scenario: { kind: 'maritime-trafficking', entities: [boat], displacement: { screeningPerStaffHour: 12 } }
		} as unknown as ExerciseState;
		const events = [
			ev({ type: 'asset.tasked', entityId: 'cutter', order: { type: 'intercept', target: 'pirogue' } }),
			ev({ type: 'intercept.achieved', entityId: 'cutter', target: 'pirogue', shadowing: false, waters: { kind: 'high-seas' } }),
			// An unseen boat's mayday tells observers it carries people: reaching it is a rescue too.
			ev({ type: 'simulation.alert', alert: 'distress', entityId: 'unseen', count: 6, detail: '' }),
			ev({ type: 'intercept.achieved', entityId: 'cutter', target: 'unseen', shadowing: false, waters: { kind: 'high-seas' } })
		];
		expect(publicConstructs(rescue, events)).toEqual({ displacement: true, interdiction: false });
		expect(keysOf(publicCounts(rescue, events, picture))).toEqual(DISPLACEMENT_KEYS);
		// With a suspect craft among the public entities, both; the rescues still not counted as interdictions.
		const mixed = {
			...rescue,
			scenario: { ...rescue.scenario, entities: [boat, { id: 'go-fast', name: 'Go-fast', kind: 'vessel', category: 'suspect' }] }
		} as unknown as ExerciseState;
		const counts = Object.fromEntries(publicCounts(mixed, events, picture).map((c) => [c.key, c.value]));
		expect(Object.keys(counts)).toEqual([...DISPLACEMENT_KEYS, ...INTERDICTION_KEYS]);
		expect(counts.intercepts).toBe(0);
	});
});

describe("the observer's news", () => {
	it('words public events plainly and names unseen craft without their ids', () => {
		expect(newsLine(ev({ type: 'asset.tasked', entityId: 'cutter', order: { type: 'intercept', target: 'go-fast' } }), state)).toBe(
			'TTCG Cutter 1 is moving to intercept a vessel.'
		);
		expect(
			newsLine(
				ev({ type: 'intercept.achieved', entityId: 'cutter', target: 'go-fast', shadowing: false, waters: { kind: 'territorial-sea', state: 'Grenada' } }),
				state
			)
		).toBe('TTCG Cutter 1 intercepted a vessel in Grenada waters.');
		expect(newsLine(ev({ type: 'boat.landed', entityId: 'b', port: 'pos', people: 1, entity: { name: 'Blessings' } }), state)).toBe(
			'Blessings landed 1 person at Port of Spain.'
		);
		expect(newsLine(ev({ type: 'facility.changed', entityId: 'pos', open: false, staff: 0 }), state)).toBe('Port of Spain has closed.');
		expect(newsLine(ev({ type: 'clock.speed_changed', speed: 4 }), state)).toBeNull();
	});

	it('keeps the newest first, and only so many', () => {
		const events = [
			ev({ type: 'exercise.started' }, 0),
			ev({ type: 'clock.speed_changed', speed: 2 }, 1),
			ev({ type: 'exercise.paused' }, 2),
			ev({ type: 'exercise.resumed' }, 3)
		];
		expect(publicNews(events, state).map((n) => n.text)).toEqual(['The exercise has resumed.', 'The exercise is paused.', 'The exercise has started.']);
		expect(publicNews(events, state, 2)).toHaveLength(2);
	});
});
