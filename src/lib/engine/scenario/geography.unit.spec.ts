import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { miniScenarioInput } from '../../../../tests/fixtures/mini-scenario';
import { geographyProblems, legOverLand } from './geography';
import { parseScenarioYaml } from './parse';
import { landDepthNm } from '../sim/zones';
import { scenarioSchema, type ScenarioInput } from './schema';

/** The mini scenario with the go-fast's second point moved across Grenada. */
function goFastOverGrenada() {
	const s = structuredClone(miniScenarioInput);
	s.entities![0].track = [
		{ at: 0, position: [-62.0, 10.9] },
		{ at: 30, position: [-61.68, 12.12] },
		{ at: 60, position: [-61.76, 12.03] }
	];
	return s;
}

/** The mini scenario with the go-fast sailing from west of Grenada straight to east of it: both ends at sea. */
function goFastAcrossGrenada(): ScenarioInput {
	const s = structuredClone(miniScenarioInput);
	s.entities![0].track = [
		{ at: 0, position: [-62.0, 10.9] },
		{ at: 30, position: [-61.85, 12.1] },
		{ at: 60, position: [-61.5, 12.1] }
	];
	return s;
}

const problemsOf = (s: ScenarioInput) => geographyProblems(scenarioSchema.parse(s));

describe('scenario geography', () => {
	it('accepts vessels at sea and a harbour point within a mile of the coast', () => {
		expect(problemsOf(miniScenarioInput)).toEqual([]);
	});

	it('names a vessel track point on land, with the state and how far inland, and says nothing more of its legs', () => {
		const problems = problemsOf(goFastOverGrenada());
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({
			path: ['entities', 0, 'track', 1, 'position'],
			code: 'on-land',
			params: { state: 'Grenada', depth: expect.any(Number), kind: 'vessel' }
		});
		expect(problems[0].params.depth).toBeGreaterThan(1);
		expect(problems[0].message).toMatch(/^track point is on land \(Grenada, \d+\.\d nm inland\): a vessel must stay at sea$/);
	});

	it('names a leg that crosses an island though both its ends are at sea', () => {
		const problems = problemsOf(goFastAcrossGrenada());
		expect(problems).toEqual([
			{
				path: ['entities', 0, 'track', 2],
				code: 'leg-on-land',
				params: { state: 'Grenada', from: 2, to: 3, kind: 'vessel' },
				message: 'the leg from track point 2 to 3 crosses land (Grenada): a vessel must stay at sea'
			}
		]);
		// Round the south of the island instead: no problem.
		const around = goFastAcrossGrenada();
		around.entities![0].track.splice(2, 0, { at: 45, position: [-61.75, 11.9] });
		around.entities![0].track[3].at = 59;
		expect(problemsOf(around)).toEqual([]);
	});

	it('lets a leg leave and reach a harbour: the first and last mile are not looked at', () => {
		// From a quay the 1:10m coastline puts 0.6 nm inland, out to sea to the west, and back.
		expect(landDepthNm([-61.735, 12.05])?.depthNm).toBeLessThan(1);
		expect(legOverLand([-61.735, 12.05], [-61.95, 12.05])).toBeNull();
		expect(legOverLand([-61.95, 12.05], [-61.735, 12.05])).toBeNull();
		expect(
			geographyProblems(
				scenarioSchema.parse({
					...miniScenarioInput,
					entities: [
						{
							...miniScenarioInput.entities![0],
							track: [
								{ at: 0, position: [-61.735, 12.05] },
								{ at: 30, position: [-61.95, 12.05] }
							]
						}
					]
				})
			)
		).toEqual([]);
		expect(legOverLand([-61.85, 12.1], [-61.5, 12.1])).toMatchObject({ state: 'Grenada' });
		// Legs of aircraft and storms may cross land.
		const s = goFastAcrossGrenada();
		(s.entities![0] as { kind: string }).kind = 'aircraft';
		expect(problemsOf(s)).toEqual([]);
	});

	it("names a team's or a port's state the zone data does not know, with the closest known name", () => {
		const s = structuredClone(miniScenarioInput);
		s.teams[0].state = 'Turks and Caicos';
		s.teams[1].state = 'Atlantis';
		s.entities!.push({ id: 'dock', name: 'Dock', kind: 'port', category: 'facility', state: 'St Lucia', track: [{ at: 0, position: [-61.0, 14.0] }] });
		expect(problemsOf(s)).toEqual([
			{
				path: ['teams', 0, 'state'],
				code: 'unknown-state',
				params: { value: 'Turks and Caicos', suggestion: 'Turks and Caicos Islands' },
				message: `the map's zone data knows no state "Turks and Caicos" (did you mean "Turks and Caicos Islands"?): pick one it knows`
			},
			{ path: ['teams', 1, 'state'], code: 'unknown-state', params: { value: 'Atlantis' }, message: expect.stringContaining('"Atlantis"') },
			{ path: ['entities', 2, 'state'], code: 'unknown-state', params: { value: 'St Lucia', suggestion: 'Saint Lucia' }, message: expect.any(String) }
		]);
	});

	it('comes back from the YAML parser with its line, code and params when the check is passed in', () => {
		const text = stringify(goFastOverGrenada());
		const result = parseScenarioYaml(text, geographyProblems);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const line = text.split('\n').findIndex((l) => l.includes('-61.68')) + 1;
		expect(result.problems).toEqual([
			{
				path: 'entities[0].track[1].position',
				line: expect.any(Number),
				message: expect.stringContaining('on land (Grenada'),
				at: ['entities', 0, 'track', 1, 'position'],
				code: 'on-land',
				params: { state: 'Grenada', depth: expect.any(Number), kind: 'vessel' }
			}
		]);
		expect(Math.abs(result.problems[0].line! - line)).toBeLessThanOrEqual(2);
		// Without the check the same file parses: the schema alone knows no geography.
		expect(parseScenarioYaml(text).ok).toBe(true);
	});

	it.each(['displacement-hurricane-dominica', 'maritime-trafficking-southern-caribbean'])('finds nothing in the bundled scenario %s', (name) => {
		const result = parseScenarioYaml(readFileSync(`scenarios/${name}.yaml`, 'utf8'), geographyProblems);
		expect(result.ok ? [] : result.problems).toEqual([]);
	});
});
