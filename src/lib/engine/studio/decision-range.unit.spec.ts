import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../tests/fixtures/load-scenario';
import { bestOption } from '../review/score-decision';
import { decisionRange } from './decision-range';

const range = (options: unknown, objectives = ['x', 'y']) => decisionRange(options, objectives);

describe('decisionRange', () => {
	it('takes the best answer in time and the worst at the deadline, per objective and in total, with violation penalties', () => {
		const r = range([
			{ id: 'a', label: 'A', scores: { x: 6, y: -2 } },
			{ id: 'b', label: 'B', scores: { x: 2, y: 4 }, violation: { rule: 'r', objective: 'y', penalty: 3 } }
		]);
		// In time: A earns x 6, y -2 (total 4); B earns x 2, y 4 - 3 = 1 (total 3).
		// At the deadline positives are halved, losses are not: A x 3, y -2 (1); B x 1, y 2 - 3 = -1 (0).
		expect(r.objectives).toEqual([
			{ objective: 'x', best: 6, worst: 0 },
			{ objective: 'y', best: 1, worst: -2 }
		]);
		expect(r.best).toEqual({ total: 4, option: 0 });
		// No option loses more than no answer at all (0).
		expect(r.worst).toEqual({ total: 0, option: null });
	});

	it('names the option that loses most when one does', () => {
		const r = range([{ scores: { x: 8 } }, { scores: { x: -5, y: 1 } }, { scores: { y: -3 }, violation: { rule: 'r', objective: 'x', penalty: 4 } }]);
		expect(r.worst).toEqual({ total: -7, option: 2 });
		expect(r.objectives.find((o) => o.objective === 'x')).toEqual({ objective: 'x', best: 8, worst: -5 });
		expect(r.best).toEqual({ total: 8, option: 0 });
	});

	it('keeps the first option when two tie for best, as the scoring does', () => {
		expect(range([{ scores: { x: 3 } }, { scores: { y: 3 } }]).best.option).toBe(0);
	});

	it('reads raw draft data without crashing: scores being typed, a half-written violation, no options', () => {
		const r = range([{ scores: { x: '-', y: 5, z: 2 } }, { scores: 'oops', violation: { objective: 'x' } }, null]);
		// "z" is not an objective of the scenario: it still shows, after the scenario's objectives.
		expect(r.objectives.map((o) => o.objective)).toEqual(['x', 'y', 'z']);
		expect(r.objectives[0]).toEqual({ objective: 'x', best: 0, worst: 0 });
		expect(r.best).toEqual({ total: 7, option: 0 });
		expect(range(undefined)).toEqual({
			objectives: [
				{ objective: 'x', best: 0, worst: 0 },
				{ objective: 'y', best: 0, worst: 0 }
			],
			best: { total: 0, option: null },
			worst: { total: 0, option: null }
		});
	});

	it('agrees with the engine on every decision of both bundled scenarios: its best option is the scoring’s best option', () => {
		for (const file of ['scenarios/maritime-trafficking-southern-caribbean.yaml', 'scenarios/displacement-hurricane-dominica.yaml']) {
			const scenario = loadScenario(file);
			const objectives = scenario.objectives.map((o) => o.id);
			for (const inject of scenario.injects) {
				if (!inject.decision) continue;
				const r = decisionRange(inject.decision.options, objectives);
				const best = bestOption(inject.decision);
				expect(r.best.option, inject.id).toBe(inject.decision.options.indexOf(best));
				expect(r.best.total).toBeGreaterThan(0);
				expect(r.worst.total).toBeLessThanOrEqual(0);
				for (const o of r.objectives) expect(o.best, `${inject.id} ${o.objective}`).toBeGreaterThanOrEqual(o.worst);
			}
		}
	});

	it('gives the first maritime decision its known range: share and launch 18, waiting -11', () => {
		const scenario = loadScenario('scenarios/maritime-trafficking-southern-caribbean.yaml');
		const tipoff = scenario.injects.find((i) => i.id === 'rifc-tipoff')!;
		const r = decisionRange(
			tipoff.decision!.options,
			scenario.objectives.map((o) => o.id)
		);
		expect(r.best).toEqual({ total: 18, option: 0 });
		expect(r.worst).toEqual({ total: -11, option: 3 });
		expect(r.objectives.find((o) => o.objective === 'evidence-chain')).toEqual({ objective: 'evidence-chain', best: 2, worst: -3 });
	});
});
