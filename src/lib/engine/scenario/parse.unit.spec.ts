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
		expect(result.problems).toEqual([
			{
				path: 'injects[1].to[0]',
				line: lineContaining(text, '- coastgard'),
				message: 'unknown team "coastgard"',
				at: ['injects', 1, 'to', 0],
				code: 'unknown-ref',
				params: { what: 'team', value: 'coastgard' }
			}
		]);
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
		expect(result.problems.filter((p) => p.path === 'entities[1]').map((p) => [p.message, p.code, p.params])).toEqual([
			['"distressAt" is only for boat entities, not a vessel', 'other-kind-field', { field: 'distressAt', kinds: 'boat', kind: 'vessel' }],
			['"windRadiiNm" is only for storm entities, not a vessel', 'other-kind-field', { field: 'windRadiiNm', kinds: 'storm', kind: 'vessel' }]
		]);
		expect(result.problems.find((p) => p.path === 'entities[0].kind')).toMatchObject({
			message: 'must be one of vessel, aircraft, boat, storm, port, shelter',
			code: 'not-one-of',
			params: { allowed: 'vessel, aircraft, boat, storm, port, shelter' }
		});
	});

	it('gives every problem a code and its params', () => {
		const text = yamlOf((s) => {
			(s as Record<string, unknown>).durationMinutes = 'long';
			s.title = '  ';
			s.teams[0].id = 'Coast Guard';
			s.teams[1].color = 'blue';
			delete (s.teams[1] as Partial<(typeof s.teams)[number]>).agency;
			s.objectives[0].name = 'x'.repeat(200);
			(s.injects[0] as Record<string, unknown>).chanel = 'radio';
			s.injects[1].channel = 'fax' as 'radio';
			s.injects[1].at = 2000;
			s.injects[2].to = [];
			s.injects[0].decision!.options[0].scores = { share: 11 };
			s.entities![1].track[0].position = [-61.6] as never;
			Object.assign(s.entities![1], { speedKnots: 0 });
		});
		const result = parseScenarioYaml(text);
		if (result.ok) throw new Error('expected problems');
		const said = Object.fromEntries(result.problems.map((p) => [p.path, [p.code, p.params, p.message]]));
		expect(said).toEqual({
			durationMinutes: ['wrong-type', { expected: 'number' }, 'must be a number'],
			title: ['empty', {}, 'must not be empty'],
			'teams[0].id': ['bad-id', {}, 'must be lower-case letters, digits and dashes (max 64)'],
			'teams[1].agency': ['missing', {}, 'is required'],
			'teams[1].color': ['bad-colour', {}, 'must be a colour like #1f77b4'],
			'objectives[0].name': ['too-long', { limit: 120 }, 'must be at most 120 characters'],
			'entities[1].speedKnots': ['must-exceed', { limit: 0 }, 'must be more than 0'],
			'entities[1].track[0].position': ['bad-position', {}, 'must be [longitude, latitude] in decimal degrees'],
			'injects[0]': ['unknown-field', { keys: 'chanel', count: 1 }, 'unknown field "chanel"'],
			'injects[0].decision.options[0].scores.share': ['too-large', { limit: 10 }, 'must be at most 10'],
			'injects[1].at': ['too-large', { limit: 1440 }, 'must be at most 1440'],
			'injects[1].channel': ['not-one-of', { allowed: 'radio, phone, email, intel, media, map' }, 'must be one of radio, phone, email, intel, media, map'],
			'injects[2].to': ['too-few', { limit: 1 }, 'needs at least 1 entry']
		});
		expect(result.problems.every((p) => p.code && p.params)).toBe(true);
	});

	it('gives cross-reference problems their codes and facts', () => {
		const text = yamlOf((s) => {
			s.injects[1] = { ...s.injects[1], at: undefined, trigger: { decision: 'tip', option: 'maybe' } };
			s.injects[3].at = 90;
			s.injects[2].id = 'tip';
		});
		const result = parseScenarioYaml(text);
		if (result.ok) throw new Error('expected problems');
		expect(result.problems.map((p) => [p.path, p.code, p.params])).toEqual(
			expect.arrayContaining([
				['injects[2].id', 'duplicate-id', { value: 'tip' }],
				['injects[3].at', 'after-end', { minutes: 60 }],
				['injects[1].trigger.option', 'unknown-ref', { what: 'option', value: 'maybe', inject: 'tip' }]
			])
		);
	});

	it("asks for the team of a law-enforcement craft with a speed, not of a suspect's top speed", () => {
		const text = yamlOf((s) => {
			const [goFast, cutter] = s.entities as Record<string, unknown>[];
			goFast.speedKnots = 45;
			delete cutter.team;
			cutter.speedKnots = 25;
		});
		const result = parseScenarioYaml(text);
		if (result.ok) throw new Error('expected problems');
		expect(result.problems.map((p) => [p.path, p.code])).toEqual([['entities[1].team', 'asset-needs-team']]);
	});

	describe('a trigger that matches no kind of trigger', () => {
		const withTrigger = (trigger: unknown) =>
			yamlOf((s) => {
				delete s.injects[3].at;
				(s.injects[3] as Record<string, unknown>).trigger = trigger;
			});
		const problemsOf = (trigger: unknown) => {
			const result = parseScenarioYaml(withTrigger(trigger));
			if (result.ok) throw new Error('expected problems');
			return result.problems.map((p) => ({ path: p.path, code: p.code, params: p.params, message: p.message, line: p.line }));
		};

		it('is the kind its key names: a wrong "waters" names the allowed values at its full path', () => {
			const text = withTrigger({ intercept: { target: 'go-fast', waters: 'ours' } });
			expect(problemsOf({ intercept: { target: 'go-fast', waters: 'ours' } })).toEqual([
				{
					path: 'injects[3].trigger.intercept.waters',
					code: 'not-one-of',
					params: { allowed: 'own, foreign, high-seas' },
					message: 'must be one of own, foreign, high-seas',
					line: lineContaining(text, 'waters: ours')
				}
			]);
		});

		it('a wrong alert type names the alerts; a missing field of that kind is required', () => {
			expect(problemsOf({ alert: { type: 'mayday' } })).toMatchObject([
				{
					path: 'injects[3].trigger.alert.type',
					code: 'not-one-of',
					message: 'must be one of capacity-exceeded, minors-found, distress, out-of-endurance'
				}
			]);
			expect(problemsOf({ area: { entity: 'go-fast', on: 'enter' }, delayMinutes: -1 })).toMatchObject([
				{ path: 'injects[3].trigger.area.area', code: 'missing', message: 'is required' },
				{ path: 'injects[3].trigger.delayMinutes', code: 'too-small', params: { limit: 0 } }
			]);
			expect(problemsOf({ decision: 'tip', waters: 'own' })).toMatchObject([
				{ path: 'injects[3].trigger', code: 'unknown-field', params: { keys: 'waters' }, message: 'unknown field "waters"' }
			]);
		});

		it('with no key of any kind, says which kinds of trigger exist; with keys of two, that it mixes them', () => {
			const kinds = 'decision, missed, message, area, intercept, detected, alert';
			expect(problemsOf({ radar: 'go-fast' })).toMatchObject([
				{ path: 'injects[3].trigger', code: 'unknown-trigger', params: { kinds }, message: `names no kind of trigger: use one of ${kinds}` }
			]);
			expect(problemsOf({ decision: 'tip', intercept: { target: 'go-fast' } })).toMatchObject([
				{ path: 'injects[3].trigger', code: 'mixed-trigger', params: { kinds: 'decision, intercept' } }
			]);
			expect(problemsOf('tip')).toMatchObject([{ path: 'injects[3].trigger', code: 'wrong-type', params: { expected: 'fields' } }]);
		});
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
