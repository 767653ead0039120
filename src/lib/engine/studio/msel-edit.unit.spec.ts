import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../tests/fixtures/load-scenario';
import { parseScenarioYaml } from '../scenario/parse';
import { duplicateInject, newInject, nextNumber } from './msel-edit';
import { NO_FILTER } from './msel-rows';
import { stringify } from 'yaml';

const words = { from: 'Exercise control', title: 'New inject', body: 'What the teams receive.' };

describe('new injects for the MSEL', () => {
	it('numbers after the highest number', () => {
		expect(nextNumber([{ number: 4 }, {}, { number: 2 }])).toBe(5);
		expect(nextNumber([{}, {}, {}])).toBe(4);
		expect(nextNumber(undefined)).toBe(1);
	});

	it('adds where the planner is looking: the filtered team, channel, objective and start of the time range', () => {
		const data = { durationMinutes: 60, teams: [{ id: 'cg' }, { id: 'police' }], injects: [{ id: 'new-inject', number: 7, at: 30 }] };
		expect(newInject(data, NO_FILTER, words)).toEqual({
			id: 'new-inject-2',
			number: 8,
			at: 30,
			from: 'Exercise control',
			to: ['cg'],
			channel: 'radio',
			title: 'New inject',
			body: 'What the teams receive.'
		});
		expect(newInject(data, { team: 'police', channel: 'media', objective: 'public-info', from: 75, to: null }, words)).toMatchObject({
			to: ['police'],
			channel: 'media',
			objectives: ['public-info'],
			at: 60
		});
		// A filter naming something the scenario does not have is not copied into the inject.
		expect(newInject(data, { ...NO_FILTER, team: 'navy', channel: 'pigeon' }, words)).toMatchObject({ to: ['cg'], channel: 'radio' });
	});

	it('passes the check when added to a bundled scenario', () => {
		for (const file of ['scenarios/maritime-trafficking-southern-caribbean.yaml', 'scenarios/displacement-hurricane-dominica.yaml']) {
			const s = loadScenario(file);
			const added = newInject(s, { ...NO_FILTER, team: s.teams[1]!.id, objective: s.objectives[0]!.id }, words);
			const copy = duplicateInject(s, 0, (t) => `${t} (copy)`)!;
			const parsed = parseScenarioYaml(stringify({ ...s, injects: [...s.injects, added, copy] }));
			expect(parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
		}
	});

	it('copies an inject with a new id, number and title, leaving the original as it was', () => {
		const original = { id: 'tip-off', number: 1, at: 0, title: 'Tip-off', decision: { options: [{ id: 'go' }] } };
		const data = { injects: [original, { id: 'tip-off-copy', number: 3 }] };
		const copy = duplicateInject(data, 0, (t) => `${t} (copy)`)!;
		expect(copy).toEqual({ id: 'tip-off-copy-2', number: 4, at: 0, title: 'Tip-off (copy)', decision: { options: [{ id: 'go' }] } });
		expect(Object.keys(copy)).toEqual(Object.keys(original));
		(copy.decision as { options: unknown[] }).options.push({});
		expect(original.decision.options).toHaveLength(1);
		expect(duplicateInject(data, 5, (t) => t)).toBeNull();
	});
});
