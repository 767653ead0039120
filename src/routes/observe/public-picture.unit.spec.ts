import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '$lib/engine/exercise/events';
import type { ExerciseState } from '$lib/engine/exercise/state';
import type { DisplacementPicture } from '$lib/engine/sim/displacement';
import { newsLine, publicCounts, publicNews } from './public-picture';

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
