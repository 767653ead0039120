/** The live simulation through the exercise machine: tasking, intercepts, sensors, areas, endurance, jurisdiction. */
import { describe, expect, it } from 'vitest';
import { given } from '../../../../tests/fixtures/machine-driver';
import { MINUTE } from '../exercise/clock';
import { distanceNm } from './entity-position';
import type { NewEvent } from '../exercise/events';
import { landingAt, positionAt } from './movement';
import { nextSimulationDueAt } from './simulation';
import { mapPictureAt } from './map-picture';
import { eventsForAudience } from '../exercise/audience';
import { displacementPictureAt } from './displacement-state';
import { foldEvents } from '../exercise/state';
import { scenarioSchema, type ScenarioInput } from '../scenario/schema';
import { antiguaDrill, stJohnsPort } from '../../../../tests/fixtures/antigua-drill';

const inject = (id: string, more: Record<string, unknown>) => ({
	id,
	from: 'Exercise control',
	to: ['coast-guard'],
	channel: 'radio' as const,
	title: id,
	body: `${id} happened.`,
	...more
});

/**
 * A go-fast runs north at 40 kn from off the Paria peninsula to just south of
 * Point Salines, Grenada. The coast guard has a 25-kn cutter to the south and
 * a 45-kn interceptor (1 h endurance) up the channel.
 */
export const interdiction: ScenarioInput = {
	id: 'sim',
	title: 'Simulation drill',
	summary: 'A go-fast heads for Grenada.',
	kind: 'maritime-trafficking',
	durationMinutes: 120,
	map: { center: [-61.8, 11.4], zoom: 7 },
	teams: [
		{ id: 'coast-guard', name: 'TT Coast Guard', agency: 'TTCG', state: 'Trinidad and Tobago' },
		{ id: 'grenada', name: 'Grenada Coast Guard', agency: 'RGPF CG', state: 'Grenada' }
	],
	objectives: [{ id: 'interdict', name: 'Lawful interdiction', capability: 'Interdiction and disruption' }],
	areas: [{ id: 'approaches', name: 'Grenada approaches', circle: { center: [-61.8, 11.95], radiusNm: 15 } }],
	entities: [
		{
			id: 'go-fast',
			name: 'Go-fast',
			kind: 'vessel',
			category: 'suspect',
			visibility: 'revealed',
			track: [
				{ at: 0, position: [-61.9, 10.9] },
				{ at: 90, position: [-61.8, 11.9] }
			]
		},
		{
			id: 'cutter',
			name: 'Cutter',
			kind: 'vessel',
			category: 'law-enforcement',
			team: 'coast-guard',
			speedKnots: 25,
			sensorRangeNm: 12,
			enduranceHours: 10,
			track: [{ at: 0, position: [-61.95, 10.85] }]
		},
		{
			id: 'interceptor',
			name: 'Interceptor',
			kind: 'vessel',
			category: 'law-enforcement',
			team: 'coast-guard',
			speedKnots: 45,
			enduranceHours: 1,
			track: [{ at: 0, position: [-61.6, 11.6] }]
		},
		{
			id: 'mpa',
			name: 'Patrol aircraft',
			kind: 'aircraft',
			category: 'military',
			team: 'coast-guard',
			speedKnots: 180,
			track: [{ at: 0, position: [-61.0, 11.5] }]
		},
		{
			id: 'grenada-boat',
			name: 'Grenada patrol boat',
			kind: 'vessel',
			category: 'law-enforcement',
			team: 'grenada',
			speedKnots: 30,
			track: [{ at: 0, position: [-61.85, 12.0] }]
		}
	],
	injects: [
		inject('tip', { at: 0, reveals: ['go-fast'], to: ['coast-guard'] }),
		inject('in-approaches', { trigger: { area: { entity: 'go-fast', area: 'approaches', on: 'enter' } } }),
		inject('seen', { trigger: { detected: { contact: 'go-fast', team: 'coast-guard' } } }),
		inject('caught-high-seas', { trigger: { intercept: { target: 'go-fast', waters: 'high-seas' } } }),
		inject('caught-foreign', { trigger: { intercept: { target: 'go-fast', team: 'coast-guard', waters: 'foreign' } } }),
		inject('caught-own', { trigger: { intercept: { target: 'go-fast', team: 'grenada', waters: 'own' } }, to: ['grenada'] }),
		inject('fuel', { trigger: { alert: { type: 'out-of-endurance', entity: 'interceptor' } } })
	]
};

const start = () => {
	const x = given(scenarioSchema.parse(interdiction));
	x.send({ type: 'START' }, 0);
	return x;
};
const ofType = <T extends NewEvent['type']>(events: NewEvent[], type: T) => events.filter((e): e is Extract<NewEvent, { type: T }> => e.type === type);
const triggered = (events: NewEvent[]) => ofType(events, 'inject.triggered').map((e) => e.injectId);
const task = (entityId: string, order: Record<string, unknown>, team = 'coast-guard') => ({
	type: 'TASK_ASSET' as const,
	entityId,
	team,
	order: order as never,
	by: 'Officer'
});

describe('asset tasking', () => {
	it('moves an asset to a point at its speed, from where it is when ordered', () => {
		const x = start();
		const [tasked] = x.send(task('cutter', { type: 'goto', point: [-61.7, 11.2] }), 10);
		expect(tasked).toMatchObject({ type: 'asset.tasked', speedKnots: 25, order: { type: 'goto' } });
		const cutter = x.state().scenario!.entities.find((e) => e.id === 'cutter')!;
		const legNm = distanceNm([-61.95, 10.85], [-61.7, 11.2]);
		const arrival = 10 + (legNm / 25) * 60;
		expect(positionAt(x.state(), cutter, 10 * MINUTE)).toEqual([-61.95, 10.85]);
		expect(distanceNm(positionAt(x.state(), cutter, arrival * MINUTE), [-61.7, 11.2])).toBeLessThan(0.05);
		expect(distanceNm(positionAt(x.state(), cutter, (arrival + 20) * MINUTE), [-61.7, 11.2])).toBeLessThan(0.05);
		// Half-way there at half the time.
		expect(Math.abs(distanceNm([-61.95, 10.85], positionAt(x.state(), cutter, ((10 + arrival) / 2) * MINUTE)) - legNm / 2)).toBeLessThan(0.1);
	});

	it("refuses orders to others' assets, above top speed, or at contacts the team cannot see", () => {
		const x = start();
		expect(x.refusal(task('grenada-boat', { type: 'hold' }), 1)).toBe('"Grenada patrol boat" belongs to another team');
		expect(x.refusal({ ...task('cutter', { type: 'hold' }), speedKnots: 30 }, 1)).toBe('"Cutter" cannot make 30 kn (top speed 25 kn)');
		expect(x.refusal(task('go-fast', { type: 'hold' }), 1)).toBe('"Go-fast" is not an asset that can be tasked');
		expect(x.refusal(task('grenada-boat', { type: 'intercept', target: 'go-fast' }, 'grenada'), 1)).toBe('no contact "go-fast" on your picture');
		expect(x.refusal(task('cutter', { type: 'intercept', target: 'go-fast' }), 1)).toBeNull();
	});
});

describe('intercepts respect geometry', () => {
	it('a 25-kn cutter cannot catch a 40-kn go-fast from astern: it says why, and gives chase', () => {
		const x = start();
		const events = x.send(task('cutter', { type: 'intercept', target: 'go-fast' }), 5);
		const [assessed] = ofType(events, 'intercept.assessed');
		expect(assessed.feasible).toBe(false);
		expect(assessed.reason).toMatch(/40 kn/);
		expect(assessed.reason).toMatch(/25 kn/);
		expect(x.state().assessments.cutter).toMatchObject({ feasible: false, target: 'go-fast' });
		// No intercept ever happens.
		expect(ofType(x.tickThrough(6, 95, 1), 'intercept.achieved')).toEqual([]);
	});

	it('a 45-kn interceptor ahead of it meets it on the high seas; the go-fast stops there', () => {
		const x = start();
		const [tasked, assessed] = x.send(task('interceptor', { type: 'intercept', target: 'go-fast' }), 10);
		expect(assessed).toMatchObject({ type: 'intercept.assessed', feasible: true });
		const meetAt = (tasked as Extract<NewEvent, { type: 'asset.tasked' }>).intercept!.at;
		const events = x.tickThrough(11, 60, 1);
		const [achieved] = ofType(events, 'intercept.achieved');
		expect(achieved).toMatchObject({ entityId: 'interceptor', target: 'go-fast', metAt: meetAt, waters: { kind: 'high-seas' } });
		expect(triggered(events)).toEqual(['caught-high-seas']);
		const goFast = x.state().scenario!.entities.find((e) => e.id === 'go-fast')!;
		expect(distanceNm(positionAt(x.state(), goFast, 80 * MINUTE), achieved.point)).toBeLessThan(0.05);
	});

	it("where the intercept happens decides the branch: a T&T asset in Grenada waters is foreign, Grenada's own there is own", () => {
		const x = start();
		x.send(task('grenada-boat', { type: 'hold' }, 'grenada'), 1);
		// The coast guard's interceptor, sent late, meets it just off Grenada.
		x.tickThrough(2, 59, 1);
		const [, assessed] = x.send(task('interceptor', { type: 'intercept', target: 'go-fast' }), 60);
		expect(assessed).toMatchObject({ feasible: true });
		// The team is told where the meeting will be, and so whose waters.
		expect((assessed as Extract<NewEvent, { type: 'intercept.assessed' }>).reason).toMatch(/, Grenada territorial sea$/);
		const events = x.tickThrough(61, 95, 1);
		const [achieved] = ofType(events, 'intercept.achieved');
		expect(achieved.waters).toMatchObject({ kind: 'territorial-sea', state: 'Grenada' });
		expect(triggered(events)).toContain('caught-foreign');
		expect(triggered(events)).not.toContain('caught-own');
		expect(triggered(events)).not.toContain('caught-high-seas');
	});
});

describe('aircraft', () => {
	it('an aircraft reaching the go-fast shadows it: the go-fast sails on and no boarding trigger fires', () => {
		const x = start();
		x.send(task('mpa', { type: 'intercept', target: 'go-fast' }), 10);
		const events = x.tickThrough(11, 40, 1);
		const [overhead] = ofType(events, 'intercept.achieved');
		expect(overhead).toMatchObject({ entityId: 'mpa', target: 'go-fast', shadowing: true });
		expect(triggered(events)).not.toContain('caught-high-seas');
		const state = x.state();
		const goFast = state.scenario!.entities.find((e) => e.id === 'go-fast')!;
		const mpa = state.scenario!.entities.find((e) => e.id === 'mpa')!;
		// Still running north at 40 kn, with the aircraft overhead.
		expect(positionAt(state, goFast, 60 * MINUTE)[1]).toBeCloseTo(10.9 + 60 / 90, 2);
		expect(distanceNm(positionAt(state, mpa, 60 * MINUTE), positionAt(state, goFast, 60 * MINUTE))).toBeLessThan(0.5);
	});
});

describe('sensors, areas and endurance', () => {
	it('detects a contact once, when it comes within sensor range', () => {
		const x = given(scenarioSchema.parse(interdiction));
		const events = [...x.send({ type: 'START' }, 0), ...x.tickThrough(0.5, 30, 0.5)];
		const detections = ofType(events, 'contact.detected');
		expect(detections.map((d) => [d.team, d.contact])).toContainEqual(['coast-guard', 'go-fast']);
		expect(detections.filter((d) => d.contact === 'go-fast')).toHaveLength(1);
		const d = detections.find((d) => d.contact === 'go-fast')!;
		expect(d.rangeNm).toBeLessThanOrEqual(12);
		expect(triggered(events)).toContain('seen');
	});

	it('loses a contact its sensors no longer hold, keeps its last known position, and regains it when a sensor holds it again', () => {
		// No tip-off: the coast guard holds the go-fast by its cutter's radar only.
		const untipped = {
			...interdiction,
			entities: interdiction.entities!.map((e) => (e.id === 'mpa' ? { ...e, sensorRangeNm: 20 } : e)),
			injects: interdiction.injects!.filter((i) => i.id !== 'tip')
		};
		const x = given(scenarioSchema.parse(untipped));
		const opening = [...x.send({ type: 'START' }, 0), ...x.tickThrough(0.5, 30, 0.5)];
		expect(ofType(opening, 'contact.detected').map((d) => [d.team, d.contact, d.entityId])).toContainEqual(['coast-guard', 'go-fast', 'cutter']);
		const [lost] = ofType(opening, 'contact.lost');
		expect(lost).toMatchObject({ team: 'coast-guard', contact: 'go-fast' });
		const state = x.state();
		const cutter = state.scenario!.entities.find((e) => e.id === 'cutter')!;
		// Lost past the radar's range (with a margin against flicker), not before.
		expect(distanceNm(positionAt(state, cutter, lost.at), lost.position)).toBeGreaterThan(12);
		expect(distanceNm(positionAt(state, cutter, lost.at - 30_000), positionAt(state, state.scenario!.entities[0]!, lost.at - 30_000))).toBeLessThan(12 * 1.1);
		expect(ofType(opening, 'contact.lost')).toHaveLength(1);

		// The team's own picture: the go-fast faded where it was last held, not where it is; the other team hears nothing.
		const teamView = foldEvents('x', eventsForAudience(x.log, { role: 'participant', team: 'coast-guard' }));
		const drawn = mapPictureAt(teamView, 30 * MINUTE, 'coast-guard').entities.find((e) => e.id === 'go-fast')!;
		expect(drawn).toMatchObject({ lost: true, position: lost.position, speedKnots: 0, headingDeg: null });
		expect(drawn.status).toEqual({ kind: 'lost', at: lost.at });
		expect(eventsForAudience(x.log, { role: 'participant', team: 'grenada' }).some((e) => e.type === 'contact.lost')).toBe(false);
		// Exercise control still sees the truth.
		expect(mapPictureAt(x.state(), 30 * MINUTE, undefined, null, true).entities.find((e) => e.id === 'go-fast')!.lost).toBeUndefined();

		// An intercept cannot be ordered on a contact nobody holds; a search of its last known position can.
		expect(() => x.send(task('interceptor', { type: 'intercept', target: 'go-fast' }), 30)).toThrow(/lost "Go-fast" at 00:\d\d: send an asset to search/);
		x.send(task('mpa', { type: 'goto', point: [-61.85, 11.4] }), 30);
		const search = x.tickThrough(30.5, 60, 0.5);
		const [regained] = ofType(search, 'contact.regained');
		expect(regained).toMatchObject({ team: 'coast-guard', contact: 'go-fast', entityId: 'mpa' });
		expect(regained.rangeNm).toBeLessThanOrEqual(20);
		expect(x.state().lostContacts['coast-guard/go-fast']).toBeUndefined();
		// Regaining is not a first detection: the detection trigger fired once.
		expect([...opening, ...search].filter((e) => e.type === 'inject.triggered' && e.injectId === 'seen')).toHaveLength(1);
	});

	it("never loses a contact an inject gave the team, nor one on everyone's map", () => {
		// The Grenada boat gets a radar: it sees the coast guard's public interceptor come and go.
		const public_ = { ...interdiction, entities: interdiction.entities!.map((e) => (e.id === 'grenada-boat' ? { ...e, sensorRangeNm: 12 } : e)) };
		const x = given(scenarioSchema.parse(public_));
		const events = [
			...x.send({ type: 'START' }, 0),
			...x.send(task('interceptor', { type: 'goto', point: [-61.85, 11.95] }), 0),
			...x.tickThrough(0.5, 32, 0.5),
			...x.send(task('interceptor', { type: 'goto', point: [-61.6, 11.2] }), 32),
			...x.tickThrough(32.5, 60, 0.5)
		];
		expect(ofType(events, 'contact.detected').some((d) => d.team === 'coast-guard' && d.contact === 'go-fast')).toBe(true);
		expect(ofType(events, 'contact.detected').some((d) => d.team === 'grenada' && d.contact === 'interceptor')).toBe(true);
		expect(ofType(events, 'contact.lost')).toEqual([]);
	});

	it('fires an area trigger when the go-fast enters the Grenada approaches', () => {
		const x = start();
		const events = x.tickThrough(1, 90, 1);
		const [crossed] = ofType(events, 'area.crossed');
		expect(crossed).toMatchObject({ entityId: 'go-fast', area: 'approaches', on: 'enter' });
		// 15 nm from the centre: the go-fast is there about 70 min into its run.
		expect(crossed.at / MINUTE).toBeGreaterThan(60);
		expect(crossed.at / MINUTE).toBeLessThan(80);
		expect(triggered(events)).toContain('in-approaches');
	});

	it('stops an asset at the end of its endurance, alerts, and then only lets it hold', () => {
		const x = start();
		const [tasked] = x.send(task('interceptor', { type: 'goto', point: [-60.5, 13.5] }), 0);
		expect((tasked as Extract<NewEvent, { type: 'asset.tasked' }>).exhaustedAt).toBe(60 * MINUTE);
		const events = x.tickThrough(1, 70, 1);
		const [alert] = ofType(events, 'simulation.alert');
		expect(alert).toMatchObject({ alert: 'out-of-endurance', entityId: 'interceptor', team: 'coast-guard' });
		expect(alert.at).toBe(60 * MINUTE);
		expect(triggered(events)).toContain('fuel');
		const interceptor = x.state().scenario!.entities.find((e) => e.id === 'interceptor')!;
		expect(positionAt(x.state(), interceptor, 70 * MINUTE)).toEqual(positionAt(x.state(), interceptor, 60 * MINUTE));
		expect(x.refusal(task('interceptor', { type: 'goto', point: [-61.5, 11.5] }), 71)).toBe('"Interceptor" has no endurance left: it can only hold');
	});
});

describe('boats of displaced people', () => {
	const displacement = antiguaDrill({
		id: 'boats',
		title: 'Boats drill',
		summary: 'Boats from Dominica head for Antigua.',
		durationMinutes: 120,
		map: { center: [-61.8, 16.5], zoom: 7 },
		entities: [
			stJohnsPort({ staff: 2, maxStaff: 6 }),
			{
				id: 'shelter',
				name: 'Shelter',
				kind: 'shelter',
				category: 'facility',
				state: 'Antigua and Barbuda',
				capacity: 50,
				track: [{ at: 0, position: [-61.84, 17.11] }]
			},
			{
				id: 'hidden-boat',
				name: 'Pirogue',
				kind: 'boat',
				category: 'displaced',
				visibility: 'revealed',
				people: { total: 20, minors: 4, unaccompaniedMinors: 2 },
				destination: 'port',
				track: [
					{ at: 0, position: [-61.9, 16.9] },
					{ at: 20, position: [-61.88, 17.1] }
				]
			},
			{
				id: 'sinking',
				name: 'Overloaded boat',
				kind: 'boat',
				category: 'displaced',
				people: { total: 30, minors: 0, unaccompaniedMinors: 0 },
				destination: 'port',
				distressAt: 10,
				speedKnots: 6,
				track: [
					{ at: 0, position: [-61.8, 16.6] },
					{ at: 100, position: [-61.88, 17.1] }
				]
			},
			{
				id: 'cutter',
				name: 'Cutter',
				kind: 'vessel',
				category: 'law-enforcement',
				team: 'coast-guard',
				speedKnots: 30,
				track: [{ at: 0, position: [-61.85, 16.9] }]
			}
		],
		injects: [
			inject('start', { at: 0 }),
			inject('mayday', { trigger: { alert: { type: 'distress', entity: 'sinking' } } }),
			inject('children', { trigger: { alert: { type: 'minors-found' } }, to: ['immigration'] })
		]
	});

	it('stops a boat in distress until rescued; the rescuer escorts it to port, where its people land', () => {
		const x = given(scenarioSchema.parse(displacement));
		x.send({ type: 'START' }, 0);
		const early = x.tickThrough(1, 12, 1);
		const [mayday] = ofType(early, 'simulation.alert').filter((a) => a.alert === 'distress');
		expect(mayday).toMatchObject({ entityId: 'sinking', count: 30 });
		expect(triggered(early)).toContain('mayday');
		const boat = x.state().scenario!.entities.find((e) => e.id === 'sinking')!;
		expect(positionAt(x.state(), boat, 60 * MINUTE)).toEqual(positionAt(x.state(), boat, 10 * MINUTE));
		expect(x.state().assessments.cutter).toBeUndefined();
		const [, assessed] = x.send(task('cutter', { type: 'intercept', target: 'sinking' }), 13);
		expect(assessed).toMatchObject({ feasible: true });
		const later = x.tickThrough(14, 119, 1);
		const landed = ofType(later, 'boat.landed');
		expect(landed.map((l) => l.entityId).sort()).toEqual(['hidden-boat', 'sinking']);
		const rescued = landed.find((l) => l.entityId === 'sinking')!;
		expect(rescued.at).toBeGreaterThan(ofType(later, 'intercept.achieved')[0].at);
	});

	it('a boat rescued before its distress minute calls no one: no mayday, no inject, and it goes on to port with its rescuer', () => {
		const later = { ...displacement, entities: displacement.entities?.map((e) => (e.id === 'sinking' ? { ...e, distressAt: 40 } : e)) };
		const x = given(scenarioSchema.parse(later));
		x.send({ type: 'START' }, 0);
		const [, assessed] = x.send(task('cutter', { type: 'intercept', target: 'sinking' }), 1);
		expect(assessed).toMatchObject({ feasible: true });
		const events = x.tickThrough(2, 119, 1);
		const [reached] = ofType(events, 'intercept.achieved');
		expect(reached).toMatchObject({ entityId: 'cutter', target: 'sinking' });
		expect(reached.metAt).toBeLessThan(40 * MINUTE);
		expect(ofType(events, 'simulation.alert').filter((a) => a.alert === 'distress')).toEqual([]);
		expect(triggered(events)).not.toContain('mayday');
		// Nothing is left due at the distress minute, so the clock does not keep waking for it.
		expect(nextSimulationDueAt(x.state(), 50 * MINUTE)).not.toBe(40 * MINUTE);
		const boat = x.state().scenario!.entities.find((e) => e.id === 'sinking')!;
		expect(landingAt(x.state(), boat)).toBeGreaterThan(reached.metAt);
		expect(positionAt(x.state(), boat, 60 * MINUTE)).not.toEqual(positionAt(x.state(), boat, 40 * MINUTE));
	});

	it('a boat that has landed before its distress minute is ashore and calls no one', () => {
		// The overloaded boat lands at minute 100; its distress minute comes after.
		const ashore = { ...displacement, entities: displacement.entities?.map((e) => (e.id === 'sinking' ? { ...e, distressAt: 110 } : e)) };
		const x = given(scenarioSchema.parse(ashore));
		x.send({ type: 'START' }, 0);
		const events = x.tickThrough(1, 119, 1);
		expect(ofType(events, 'boat.landed').map((l) => l.entityId)).toContain('sinking');
		expect(ofType(events, 'simulation.alert').filter((a) => a.alert === 'distress')).toEqual([]);
		expect(triggered(events)).not.toContain('mayday');
		expect(nextSimulationDueAt(x.state(), 105 * MINUTE)).not.toBe(110 * MINUTE);
	});

	it('lets only the team that runs a facility change it, within its staff limit', () => {
		const x = given(scenarioSchema.parse(displacement));
		const set = (team: string, more: Record<string, unknown>) => ({ type: 'SET_FACILITY' as const, entityId: 'port', team, by: 'Officer', ...more });
		expect(x.refusal(set('coast-guard', { open: false }), 0)).toBe('"St John\'s" is run by another team');
		expect(x.refusal(set('immigration', { staff: 7 }), 0)).toBe('"St John\'s" has room for at most 6 staff');
		expect(x.refusal({ ...set('immigration', {}), entityId: 'cutter', open: true }, 0)).toBe('no port or shelter "cutter"');
		const [changed] = x.send(set('immigration', { staff: 6 }), 0);
		expect(changed).toMatchObject({ type: 'facility.changed', open: true, staff: 6 });
	});

	it('lands a hidden boat for everyone: found children alert the port, and a team counts the people it could not see at sea', () => {
		const x = given(scenarioSchema.parse(displacement));
		x.send({ type: 'START' }, 0);
		const events = x.tickThrough(1, 30, 1);
		const [landed] = ofType(events, 'boat.landed').filter((l) => l.entityId === 'hidden-boat');
		expect(landed.at).toBe(20 * MINUTE);
		const [minors] = ofType(events, 'simulation.alert').filter((a) => a.alert === 'minors-found');
		expect(minors).toMatchObject({ entityId: 'hidden-boat', team: 'immigration', count: 2 });
		expect(triggered(events)).toContain('children');
		// The immigration team's own view: it never saw the pirogue at sea, yet counts its people once ashore.
		const teamLog = eventsForAudience(x.log, { role: 'participant', team: 'immigration' });
		const teamView = foldEvents('x', teamLog);
		expect(teamView.scenario!.entities.some((e) => e.id === 'hidden-boat')).toBe(false);
		expect(displacementPictureAt(teamView, 30 * MINUTE)!.totals.received).toBe(20);
		expect(displacementPictureAt(teamView, 19 * MINUTE)!.totals.received).toBe(0);
	});
});

describe('when orders are taken', () => {
	it('takes orders before STARTEX and while paused, never after the end', () => {
		const x = given(scenarioSchema.parse(interdiction));
		expect(x.send(task('cutter', { type: 'goto', point: [-61.9, 11.0] }), 0).map((e) => e.type)).toEqual(['asset.tasked']);
		x.send({ type: 'START' }, 0);
		x.send({ type: 'PAUSE' }, 5);
		expect(x.refusal(task('cutter', { type: 'hold' }), 6)).toBeNull();
		x.send({ type: 'END' }, 7);
		expect(x.refusal(task('cutter', { type: 'hold' }), 8)).toBe('cannot task assets in an exercise that is ended');
	});
});
