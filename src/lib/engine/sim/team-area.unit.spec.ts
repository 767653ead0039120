import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioYaml } from '../scenario/parse';
import coastlines from './data/coastlines.json';
import { STATE_WATERS, teamArea, type Bounds } from './team-area';

const parsed = new Map<string, ReturnType<typeof parseScenarioYaml>>();
const bundled = (name: string) => {
	if (!parsed.has(name)) parsed.set(name, parseScenarioYaml(readFileSync(`scenarios/${name}.yaml`, 'utf8')));
	const result = parsed.get(name)!;
	if (!result.ok) throw new Error(`${name} does not parse`);
	return result.scenario;
};
const contains = (outer: Bounds, [lon, lat]: [number, number]) => lon >= outer[0] && lon <= outer[2] && lat >= outer[1] && lat <= outer[3];

describe('teamArea', () => {
	it('keeps the copy of each state’s waters in step with the 1:10m coastlines', () => {
		const states = (coastlines as unknown as { states: { name: string; bbox: Bounds }[] }).states;
		expect(Object.keys(STATE_WATERS).sort()).toEqual(states.map((s) => s.name).sort());
		for (const { name, bbox } of states) {
			const waters = STATE_WATERS[name]!;
			// At least 12 nm (0.2° of latitude) beyond the land on every side, and not much more.
			expect(bbox[1] - waters[1], name).toBeGreaterThanOrEqual(0.2 - 1e-9);
			expect(waters[3] - bbox[3], name).toBeGreaterThanOrEqual(0.2 - 1e-9);
			expect(bbox[0] - waters[0], name).toBeGreaterThanOrEqual(0.2);
			expect(waters[2] - bbox[2], name).toBeGreaterThanOrEqual(0.2);
			for (let i = 0; i < 4; i++) expect(Math.abs(waters[i]! - bbox[i]!), name).toBeLessThan(0.26);
		}
	});

	it('opens the Grenada police on Grenada’s waters with its patrol boat, not on Trinidad', () => {
		const scenario = bundled('maritime-trafficking-southern-caribbean');
		const area = teamArea(scenario, 'grenada-police')!;
		expect(contains(area, [-61.75, 12.05])).toBe(true); // St George's
		expect(contains(area, [-61.8, 12.03])).toBe(true); // its patrol boat
		expect(contains(area, [-61.51, 10.66])).toBe(false); // Port of Spain
	});

	it('takes in the own assets that start outside the state’s waters', () => {
		const scenario = bundled('maritime-trafficking-southern-caribbean');
		// The RSS air wing is in Barbados; its aircraft starts west of St Vincent.
		const area = teamArea(scenario, 'rss-air-wing')!;
		expect(contains(area, [-59.55, 13.17])).toBe(true);
		expect(contains(area, [-61.3, 12.35])).toBe(true);
		const tt = teamArea(scenario, 'tt-coast-guard')!;
		expect(contains(tt, [-61.45, 11.45])).toBe(true); // Interceptor 2, north of Trinidad's belt
	});

	it('gives each state of the displacement scenario its own area, with its shelters', () => {
		const scenario = bundled('displacement-hurricane-dominica');
		const antigua = teamArea(scenario, 'ag-nods')!;
		const lucia = teamArea(scenario, 'lc-nemo')!;
		expect(contains(antigua, [-61.87, 17.095])).toBe(true); // Five Islands reserve shelter
		expect(contains(lucia, [-60.955, 13.735])).toBe(true); // Beanfield shelter
		expect(contains(antigua, [-60.98, 14])).toBe(false);
		expect(antigua).not.toEqual(lucia);
	});

	it('never opens smaller than about 150 nm, and knows no unknown team', () => {
		const area = teamArea(
			{ teams: [{ id: 't', name: 'T', state: 'Nowhere' }], entities: [{ id: 'x', team: 't', track: [{ at: 0, position: [-61, 14] }] }] } as never,
			't'
		)!;
		expect(area[2] - area[0]).toBeCloseTo(2.5, 6);
		expect(area[3] - area[1]).toBeCloseTo(2.5, 6);
		expect(teamArea({ teams: [], entities: [] } as never, 'ghost')).toBeNull();
	});
});
