/**
 * Both seed scenarios played headless, start to end, on the real server, along
 * two branches: every team choosing its best options (and tasking assets,
 * running ports and shelters) versus every team choosing its worst. The four
 * runs share one server and run at the same time at 60×.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/lib/engine/exercise/clock';
import { displacementPictureAt } from '../../src/lib/engine/sim/displacement-state';
import { teamScores } from '../../src/lib/engine/review/score-decision';
import { startServer, tempDir, type RunningServer } from './harness';
import { loadScenario } from '../fixtures/load-scenario';
import { divergentDecisions, playScenario, triggeredInjects, type PlayedRun } from './headless-player';

const TRAFFICKING = loadScenario('scenarios/maritime-trafficking-southern-caribbean.yaml');
const DISPLACEMENT = loadScenario('scenarios/displacement-hurricane-dominica.yaml');

const tmp = tempDir();
let server: RunningServer;
const runs: Record<string, PlayedRun> = {};

beforeAll(async () => {
	server = await startServer({ dbFile: path.join(tmp.dir, 'seed.db'), env: { RATE_LIMIT_REQUESTS_PER_10S: '100000' } });
	const played = await Promise.all([TRAFFICKING, DISPLACEMENT].flatMap((s) => (['best', 'worst'] as const).map((style) => playScenario(server.url, s, style))));
	for (const run of played) runs[`${run.scenario.id}/${run.style}`] = run;
}, 8 * 60_000);
afterAll(async () => {
	await server?.stop();
	tmp.cleanup();
});

const earned = (run: PlayedRun) => teamScores(run.final).reduce((sum, s) => sum + s.earned, 0);

describe.each([
	['maritime trafficking', TRAFFICKING],
	['hurricane displacement', DISPLACEMENT]
])('%s scenario, played to the end along two branches', (_name, scenario) => {
	const best = () => runs[`${scenario.id}/best`];
	const worst = () => runs[`${scenario.id}/worst`];

	it('runs from start to end: every timed inject is released, every decision answered or expired', () => {
		for (const run of [best(), worst()]) {
			expect(run.final.status).toBe('ended');
			const timed = scenario.injects.filter((i) => i.at !== undefined).map((i) => i.id);
			expect(timed.filter((id) => run.final.injects[id].status !== 'released')).toEqual([]);
			expect(Object.values(run.final.decisions).filter((d) => d.status === 'open')).toEqual([]);
		}
	});

	it('branches on at least three decisions: each run releases injects the other never sees', () => {
		const a = triggeredInjects(best());
		const b = triggeredInjects(worst());
		expect([...a].filter((id) => !b.has(id)).length).toBeGreaterThan(0);
		expect([...b].filter((id) => !a.has(id)).length).toBeGreaterThan(0);
		expect(divergentDecisions(best(), worst()).length).toBeGreaterThanOrEqual(3);
	});

	it('scores the good choices above the bad ones, with rule violations only on the bad branch', () => {
		expect(earned(best())).toBeGreaterThan(earned(worst()));
		const violations = (run: PlayedRun) => Object.values(run.final.decisions).filter((d) => d.violation).length;
		expect(violations(best())).toBe(0);
		expect(violations(worst())).toBeGreaterThan(0);
	});
});

describe('what the simulation made of each branch', () => {
	it('trafficking: tasked assets intercept the go-fast only when teams task them', () => {
		const best = runs[`${TRAFFICKING.id}/best`];
		const worst = runs[`${TRAFFICKING.id}/worst`];
		expect(best.log.some((e) => e.type === 'asset.tasked')).toBe(true);
		expect(best.final.intercepts.some((x) => x.target === 'go-fast')).toBe(true);
		expect(worst.log.some((e) => e.type === 'asset.tasked')).toBe(false);
		expect(worst.final.intercepts).toEqual([]);
		// The sensors saw the go-fast in both: detection does not depend on orders.
		for (const run of [best, worst]) expect(run.log.some((e) => e.type === 'contact.detected' && e.contact === 'go-fast')).toBe(true);
	});

	it('displacement: opened shelters and rescues leave fewer people unsheltered and more received', () => {
		const best = runs[`${DISPLACEMENT.id}/best`];
		const worst = runs[`${DISPLACEMENT.id}/worst`];
		const end = DISPLACEMENT.durationMinutes * MINUTE;
		const a = displacementPictureAt(best.final, end)!;
		const b = displacementPictureAt(worst.final, end)!;
		expect(a.totals.sheltered).toBeGreaterThan(b.totals.sheltered);
		expect(a.totals.received).toBeGreaterThanOrEqual(b.totals.received);
		expect(best.log.some((e) => e.type === 'facility.changed')).toBe(true);
		expect(worst.log.some((e) => e.type === 'facility.changed')).toBe(false);
		// The boat in distress calls in both runs; only teams that act rescue it.
		for (const run of [best, worst]) expect(run.log.some((e) => e.type === 'simulation.alert' && e.alert === 'distress')).toBe(true);
		expect(best.log.some((e) => e.type === 'intercept.achieved')).toBe(true);
		// Unaccompanied children are found wherever their boat lands.
		expect(best.log.some((e) => e.type === 'simulation.alert' && e.alert === 'minors-found')).toBe(true);
	});
});
