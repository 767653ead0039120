import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { miniScenarioInput } from '../../../../tests/fixtures/mini-scenario';
import { formatProblem, parseScenarioYaml } from './parse';

const yamlOf = (mutate: (s: typeof miniScenarioInput) => void = () => {}) => {
	const copy = structuredClone(miniScenarioInput);
	mutate(copy);
	return stringify(copy);
};

function lineContaining(text: string, needle: string) {
	return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('parseScenarioYaml', () => {
	it('accepts a valid scenario and fills defaults', () => {
		const result = parseScenarioYaml(yamlOf());
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.scenario.injects[1].reveals).toEqual([]);
	});

	it('names an unknown team with its YAML path and line', () => {
		const text = yamlOf((s) => (s.injects[1].to = ['coastgard']));
		const result = parseScenarioYaml(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([{ path: 'injects[1].to[0]', line: lineContaining(text, '- coastgard'), message: 'unknown team "coastgard"', at: ['injects', 1, 'to', 0] }]);
		expect(formatProblem('scenarios/x.yaml', result.problems[0])).toBe(
			`scenarios/x.yaml:${lineContaining(text, '- coastgard')} injects[1].to[0]: unknown team "coastgard"`
		);
	});

	it('reports every cross-reference problem', () => {
		const text = yamlOf((s) => {
			s.injects[0].reveals = ['ghost'];
			s.injects[0].decision!.options[0].scores = { nope: 3 };
			s.injects[2].id = 'tip';
			s.injects[3].at = 90;
			s.entities![0].track[1].at = 0;
		});
		const result = parseScenarioYaml(text);
		if (result.ok) throw new Error('expected problems');
		const messages = result.problems.map((p) => `${p.path}: ${p.message}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				'injects[0].reveals[0]: unknown entity "ghost"',
				'injects[0].decision.options[0].scores.nope: unknown objective "nope"',
				'injects[2].id: duplicate id "tip"',
				'injects[3].at: after the scenario ends (60 min)',
				'entities[0].track[1].at: track times must increase'
			])
		);
		expect(result.problems.every((p) => typeof p.line === 'number')).toBe(true);
	});

	it('reports type errors and unknown keys', () => {
		const text = yamlOf((s) => {
			(s.injects[0] as Record<string, unknown>).chanel = 'radio';
			(s as Record<string, unknown>).durationMinutes = 'long';
		});
		const result = parseScenarioYaml(text);
		if (result.ok) throw new Error('expected problems');
		const paths = result.problems.map((p) => p.path);
		expect(paths).toContain('durationMinutes');
		expect(result.problems.find((p) => p.path === 'injects[0]')?.message).toMatch(/chanel/);
	});

	it('names a field set on the wrong kind of entity, and the kinds it belongs to', () => {
		const text = yamlOf((s) => {
			Object.assign(s.entities![1], { distressAt: 30, windRadiiNm: { hurricane: 10, tropicalStorm: 40 } });
			s.entities![0].kind = 'submarine' as 'vessel';
		});
		const result = parseScenarioYaml(text);
		if (result.ok) throw new Error('expected problems');
		expect(result.problems.find((p) => p.path === 'entities[1]')?.message).toBe(
			'"distressAt" is only for boat entities, not a vessel; "windRadiiNm" is only for storm entities, not a vessel'
		);
		expect(result.problems.find((p) => p.path === 'entities[0].kind')?.message).toMatch(/vessel.*shelter/);
	});

	it('reports broken YAML syntax with a line', () => {
		const result = parseScenarioYaml('id: x\ntitle: [unclosed\nteams: {');
		if (result.ok) throw new Error('expected problems');
		expect(result.problems[0].path).toBe('(yaml)');
		expect(result.problems[0].line).toBeGreaterThan(0);
	});

	it('refuses a non-mapping document', () => {
		const result = parseScenarioYaml('- just\n- a list');
		expect(result.ok).toBe(false);
	});
});

describe('scenarios/scenario.schema.json', () => {
	it('is up to date with the zod schema (run `npm run scenario:schema` after changing it)', async () => {
		const { readFile } = await import('node:fs/promises');
		const { scenarioJsonSchema } = await import('./schema');
		const onDisk = JSON.parse(await readFile('scenarios/scenario.schema.json', 'utf8'));
		expect(onDisk).toEqual(scenarioJsonSchema());
	});
});
