import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { miniScenarioInput } from '../../../../tests/fixtures/mini-scenario';
import { geographyProblems } from './geography';
import { parseScenarioYaml } from './parse';
import { scenarioSchema } from './schema';

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

describe('scenario geography', () => {
	it('accepts vessels at sea and a harbour point within a mile of the coast', () => {
		expect(geographyProblems(scenarioSchema.parse(miniScenarioInput))).toEqual([]);
	});

	it('names a vessel track point on land, with the state and how far inland', () => {
		const problems = geographyProblems(scenarioSchema.parse(goFastOverGrenada()));
		expect(problems).toHaveLength(1);
		expect(problems[0].path).toEqual(['entities', 0, 'track', 1, 'position']);
		expect(problems[0].message).toMatch(/^track point is on land \(Grenada, \d+\.\d nm inland\): a vessel must stay at sea$/);
	});

	it('comes back from the YAML parser with its line when the check is passed in', () => {
		const text = stringify(goFastOverGrenada());
		const result = parseScenarioYaml(text, geographyProblems);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const line = text.split('\n').findIndex((l) => l.includes('-61.68')) + 1;
		expect(result.problems).toEqual([
			{ path: 'entities[0].track[1].position', line: expect.any(Number), message: expect.stringContaining('on land (Grenada'), at: ['entities', 0, 'track', 1, 'position'] }
		]);
		expect(Math.abs(result.problems[0].line! - line)).toBeLessThanOrEqual(2);
		// Without the check the same file parses: the schema alone knows no geography.
		expect(parseScenarioYaml(text).ok).toBe(true);
	});
});
