import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { given } from '../../../../tests/fixtures/machine-driver';
import { loadScenario } from '../../../../tests/fixtures/load-scenario';
import { MINUTE } from '../exercise/clock';
import { geographyProblems } from '../scenario/geography';
import { parseScenarioYaml } from '../scenario/parse';
import { scenarioSchema, type ScenarioInput } from '../scenario/schema';
import { interdictionTargets, keyMoments, objectiveSections, outcomeFigures, outcomeFigureSets, suggestedLines } from './aar-content';

const maritime = loadScenario('scenarios/maritime-trafficking-southern-caribbean.yaml');
const displacement = loadScenario('scenarios/displacement-hurricane-dominica.yaml');
const goFast = maritime.entities.find((e) => e.id === 'go-fast')!;
const cutter = maritime.entities.find((e) => e.id === 'cg-cutter-1')!;

function maritimePlay() {
	const x = given(
		maritime,
		{ type: 'exercise.started' },
		{
			type: 'contact.detected',
			minute: 12,
			entityId: 'rss-aircraft',
			team: 'rss-air-wing',
			contact: 'go-fast',
			position: [-62.07, 11.2],
			rangeNm: 20,
			entity: goFast
		},
		{
			type: 'contact.detected',
			minute: 15,
			entityId: 'cg-cutter-1',
			team: 'tt-coast-guard',
			contact: 'go-fast',
			position: [-62.05, 11.3],
			rangeNm: 12,
			entity: goFast
		},
		// A partner's own boat seen by another team: not a moment for the report's maps.
		{
			type: 'contact.detected',
			minute: 16,
			entityId: 'rss-aircraft',
			team: 'rss-air-wing',
			contact: 'cg-cutter-1',
			position: [-61.3, 12.35],
			rangeNm: 30,
			entity: cutter
		},
		{
			type: 'intercept.achieved',
			minute: 20,
			entityId: 'rss-aircraft',
			team: 'rss-air-wing',
			target: 'go-fast',
			metAt: 19 * MINUTE,
			point: [-62.06, 11.25],
			waters: { kind: 'high-seas' },
			shadowing: true,
			courses: []
		},
		{
			type: 'intercept.achieved',
			minute: 41,
			entityId: 'cg-cutter-1',
			team: 'tt-coast-guard',
			target: 'go-fast',
			metAt: 40.5 * MINUTE,
			point: [-62.02, 11.48],
			waters: { kind: 'territorial-sea', state: 'Grenada', coastNm: 9.5 },
			shadowing: false,
			courses: []
		},
		{
			type: 'rating.set',
			minute: 50,
			team: 'tt-coast-guard',
			objective: 'lawful-interdiction',
			rating: 'M',
			explanation: 'Stopped it in Grenada’s sea.',
			by: 'E'
		},
		{ type: 'rating.set', minute: 51, team: 'tt-customs', objective: 'lawful-interdiction', rating: 'P', explanation: 'Searched by the book.', by: 'E' },
		{ type: 'exercise.ended', minute: 60 }
	);
	return x;
}

describe('maritime outcome figures', () => {
	it('say who saw each suspect first, who stopped it, where and in whose waters, and what was seized', () => {
		const x = maritimePlay();
		const o = outcomeFigures(x.state(), 60 * MINUTE);
		expect(o?.kind).toBe('maritime-trafficking');
		if (o?.kind !== 'maritime-trafficking') return;
		const fast = o.suspects.find((s) => s.entityId === 'go-fast')!;
		expect(fast.firstDetected).toEqual({ at: 12 * MINUTE, team: 'rss-air-wing' });
		expect(fast.shadowed).toEqual({ at: 19 * MINUTE, team: 'rss-air-wing', assetId: 'rss-aircraft' });
		expect(fast.stopped).toMatchObject({ at: 40.5 * MINUTE, team: 'tt-coast-guard', assetId: 'cg-cutter-1', point: [-62.02, 11.48] });
		expect(fast.stopped?.waters).toEqual({ kind: 'territorial-sea', state: 'Grenada', coastNm: 9.5 });
		// The fishing pirogue an intercept waits for (to collect the parcels) is not a suspect.
		expect(o.suspects.map((s) => s.entityId).sort()).toEqual(['go-fast', 'reception-pirogue']);
		// The reception pirogue was never met: one of two suspect craft seized.
		expect(o.suspects.find((s) => s.entityId === 'reception-pirogue')).toMatchObject({ firstDetected: null, stopped: null, shadowed: null });
		expect(o.seized).toBe(1);
		expect(o.intercepts).toBe(2);
		expect(o.interceptsByWaters).toEqual({ territorialSea: 1, highSeas: 0 });
	});

	it('before anything happened, nothing was stopped', () => {
		const o = outcomeFigures(given(maritime, { type: 'exercise.started' }).state(), 0);
		expect(o).toMatchObject({ seized: 0, intercepts: 0 });
	});
});

describe('displacement outcome figures', () => {
	it('count the people landed, screened, sheltered and the unaccompanied children found, consistently', () => {
		const x = given(displacement);
		x.send({ type: 'START' }, 0);
		x.tickThrough(1, displacement.durationMinutes, 1);
		const end = displacement.durationMinutes * MINUTE;
		const o = outcomeFigures(x.state(), end);
		if (o?.kind !== 'displacement') throw new Error('expected displacement figures');
		const landed = x.log.filter((e) => e.type === 'boat.landed');
		expect(landed.length).toBeGreaterThan(0);
		expect(o.boatsLanded).toBe(new Set(landed.map((e) => e.entityId)).size);
		const boats = displacement.entities.filter((e) => landed.some((l) => l.entityId === e.id));
		expect(o.received).toBe(boats.reduce((n, b) => n + (b.kind === 'boat' ? (b.people?.total ?? 0) : 0), 0));
		expect(o.unaccompaniedMinors).toBe(boats.reduce((n, b) => n + (b.kind === 'boat' ? (b.people?.unaccompaniedMinors ?? 0) : 0), 0));
		expect(o.received).toBe(o.screened + o.awaitingScreening);
		expect(o.screened).toBe(o.sheltered + o.unsheltered);
		expect(o.byState.reduce((n, s) => n + s.received, 0)).toBe(o.received);
		expect(o.boats).toBe(displacement.entities.filter((e) => e.kind === 'boat' && e.people).length);
	});
});

/**
 * A migrant-smuggling exercise: a go-fast runs north past a 45-kn interceptor while a boat of twenty people, four of
 * them children and one alone, makes for St George's, Grenada, where a port screens them and a shelter takes them in.
 */
function smuggling(kind: ScenarioInput['kind']): ScenarioInput {
	const inject = (id: string, more: object) => ({ id, from: 'JRCC', to: ['coast-guard'], channel: 'radio' as const, title: id, body: `${id}.`, ...more });
	return {
		id: 'smuggling',
		title: 'Smuggling and rescue',
		summary: 'A go-fast and a boat of people head for Grenada.',
		kind,
		durationMinutes: 120,
		map: { center: [-61.8, 11.6], zoom: 7 },
		teams: [
			{ id: 'coast-guard', name: 'Coast Guard', agency: 'TTCG', state: 'Trinidad and Tobago' },
			{ id: 'immigration', name: 'Immigration', agency: 'Grenada Immigration', state: 'Grenada' }
		],
		objectives: [{ id: 'interdict', name: 'Lawful interdiction', capability: 'Interdiction and disruption' }],
		displacement: { screeningPerStaffHour: 12 },
		entities: [
			{
				id: 'go-fast',
				name: 'Go-fast',
				kind: 'vessel',
				category: 'suspect',
				track: [
					{ at: 0, position: [-61.9, 10.9] },
					{ at: 90, position: [-61.8, 11.9] }
				]
			},
			{
				id: 'interceptor',
				name: 'Interceptor',
				kind: 'vessel',
				category: 'law-enforcement',
				team: 'coast-guard',
				speedKnots: 45,
				track: [{ at: 0, position: [-61.6, 11.6] }]
			},
			{
				id: 'pirogue',
				name: 'Pirogue',
				kind: 'boat',
				category: 'displaced',
				people: { total: 20, minors: 4, unaccompaniedMinors: 1 },
				destination: 'st-georges',
				track: [
					{ at: 0, position: [-61.95, 11.6] },
					// Round Point Salines, not across it.
					{ at: 60, position: [-61.95, 12.03] },
					{ at: 100, position: [-61.76, 12.03] }
				]
			},
			{
				id: 'st-georges',
				name: "St George's",
				kind: 'port',
				category: 'facility',
				team: 'immigration',
				state: 'Grenada',
				capacity: 100,
				staff: 4,
				track: [{ at: 0, position: [-61.755, 12.05] }]
			},
			{
				id: 'shelter',
				name: 'Church hall',
				kind: 'shelter',
				category: 'facility',
				team: 'immigration',
				state: 'Grenada',
				capacity: 60,
				staff: 2,
				track: [{ at: 0, position: [-61.74, 12.06] }]
			}
		],
		injects: [
			inject('tip', { at: 0 }),
			inject('caught', { trigger: { intercept: { target: 'go-fast', waters: 'high-seas' } } }),
			inject('children', { trigger: { alert: { type: 'minors-found' } }, to: ['immigration'] })
		]
	};
}

describe('a scenario that mixes boats of people, a go-fast, intercepts and shelters', () => {
	const play = (kind: ScenarioInput['kind']) => {
		const x = given(scenarioSchema.parse(smuggling(kind)));
		x.send({ type: 'START' }, 0);
		x.send({ type: 'TASK_ASSET', entityId: 'interceptor', team: 'coast-guard', order: { type: 'intercept', target: 'go-fast' } as never, by: 'Officer' }, 10);
		x.tickThrough(11, 120, 1);
		return x;
	};

	it.each(['maritime-trafficking', 'displacement'] as const)('passes every check as a %s scenario', (kind) => {
		const result = parseScenarioYaml(stringify(smuggling(kind)), geographyProblems);
		expect(result.ok ? [] : result.problems).toEqual([]);
	});

	it.each(['maritime-trafficking', 'displacement'] as const)('plays every construct as a %s scenario, and reports both kinds of figures', (kind) => {
		const x = play(kind);
		const types = new Set(x.log.map((e) => e.type));
		expect(types).toContain('intercept.achieved');
		expect(types).toContain('boat.landed');
		expect(x.log.filter((e) => e.type === 'inject.triggered').map((e) => (e as { injectId: string }).injectId)).toEqual(['caught', 'children']);
		const sets = outcomeFigureSets(x.state(), 120 * MINUTE);
		expect(sets.map((o) => o.kind)).toEqual(['displacement', 'maritime-trafficking']);
		const [people, interdiction] = sets;
		expect(people).toMatchObject({ boats: 1, boatsLanded: 1, received: 20, unaccompaniedMinors: 1 });
		// The boat of people is a rescue, not a suspect: only the go-fast is followed, and it was stopped.
		expect(interdiction).toMatchObject({ seized: 1, intercepts: 1, interceptsByWaters: { territorialSea: 0, highSeas: 1 } });
		if (interdiction?.kind === 'maritime-trafficking') expect(interdiction.suspects.map((s) => s.entityId)).toEqual(['go-fast']);
	});

	it('gives the same figures whatever the kind says', () => {
		const strip = (x: ReturnType<typeof play>) => outcomeFigureSets(x.state(), 120 * MINUTE);
		expect(strip(play('maritime-trafficking'))).toEqual(strip(play('displacement')));
	});

	it('follows intercept targets that are not suspects, and falls back to the kind when a scenario has neither', () => {
		const s = smuggling('displacement');
		const fast = s.entities!.find((e) => e.id === 'go-fast')!;
		fast.category = 'unknown';
		expect(interdictionTargets(scenarioSchema.parse(s)).map((e) => e.id)).toEqual(['go-fast']);
		fast.category = 'fishing';
		expect(interdictionTargets(scenarioSchema.parse(s))).toEqual([]);
		fast.category = 'unknown';
		const quiet = scenarioSchema.parse({ ...s, entities: s.entities!.filter((e) => e.kind === 'vessel'), injects: [s.injects[0]], displacement: undefined });
		const bare = { ...quiet, entities: quiet.entities.filter((e) => e.id === 'interceptor') };
		expect(outcomeFigureSets(given(bare).state(), 0).map((o) => o.kind)).toEqual(['displacement']);
		expect(outcomeFigureSets(given({ ...bare, kind: 'maritime-trafficking' }).state(), 0).map((o) => o.kind)).toEqual(['maritime-trafficking']);
	});
});

describe('key moments', () => {
	it('are the first detection of each suspect contact (not of partners’ boats), each intercept and the end, in time order', () => {
		const moments = keyMoments(maritimePlay().log);
		expect(moments.map((m) => [m.kind, m.at])).toEqual([
			['detection', 12 * MINUTE],
			['intercept', 19 * MINUTE],
			['intercept', 40.5 * MINUTE],
			['end', 60 * MINUTE]
		]);
	});
	it('keep the end when cut to a maximum', () => {
		const moments = keyMoments(maritimePlay().log, 2);
		expect(moments.map((m) => m.kind)).toEqual(['detection', 'end']);
	});
});

describe('objective sections', () => {
	it('put rated teams apart from the unrated ones', () => {
		const sections = objectiveSections(maritimePlay().state());
		const lawful = sections.find((s) => s.objective === 'lawful-interdiction')!;
		expect(lawful.rated.map((t) => [t.team, t.rating?.rating])).toEqual([
			['tt-coast-guard', 'M'],
			['tt-customs', 'P']
		]);
		expect(lawful.unrated.map((t) => t.team)).toEqual(maritime.teams.map((t) => t.id).filter((id) => id !== 'tt-coast-guard' && id !== 'tt-customs'));
		expect(sections.find((s) => s.objective === 'evidence-chain')!.rated).toEqual([]);
	});
	it('offer a starting point built from the ratings: good ones as strengths, poor ones as improvements', () => {
		const state = maritimePlay().state();
		expect(suggestedLines(state, 'lawful-interdiction', 'strengths')).toEqual([
			{ kind: 'rated', team: 'tt-customs', rating: 'P', explanation: 'Searched by the book.' }
		]);
		expect(suggestedLines(state, 'lawful-interdiction', 'improvements')).toEqual([
			{ kind: 'rated', team: 'tt-coast-guard', rating: 'M', explanation: 'Stopped it in Grenada’s sea.' }
		]);
	});
});
