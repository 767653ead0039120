/**
 * dryrun: time per studio dry run (`dryRun`, the scenario played headless through the exercise machine from
 * STARTEX to its planned end) of both bundled scenarios along the best, worst and no-answer paths. The first run
 * of each is a warm-up (module and coastline loading, JIT); the figure is the median of the timed runs.
 */
import { readFileSync } from 'node:fs';
import { parseScenarioYaml } from '../../src/lib/engine/scenario/parse';
import { dryRun, type DryRunPath } from '../../src/lib/engine/studio/dry-run';
import { median, round, runBench } from './lib/common';

const FILES = ['maritime-trafficking-southern-caribbean', 'displacement-hurricane-dominica'];
const PATHS: DryRunPath[] = [{ kind: 'best' }, { kind: 'worst' }, { kind: 'none' }];

await runBench('dryrun', async (ctx) => {
	const runs = ctx.quick ? 3 : 15;
	for (const file of FILES) {
		const parsed = parseScenarioYaml(readFileSync(`scenarios/${file}.yaml`, 'utf8'));
		if (!parsed.ok) throw new Error(`${file} does not pass its check`);
		for (const path of PATHS) {
			const first = performance.now();
			const result = dryRun(parsed.scenario, path);
			const coldMs = performance.now() - first;
			const times: number[] = [];
			for (let r = 0; r < runs; r++) {
				const t = performance.now();
				dryRun(parsed.scenario, path);
				times.push(performance.now() - t);
			}
			const ms = median(times);
			const key = `${file}.${path.kind}`;
			ctx.details[key] = { coldMs: round(coldMs, 1), times: times.map((t) => round(t, 1)), events: result.eventCount, fired: result.fired.length };
			ctx.log(`${key}: ${ms.toFixed(1)} ms per run (first ${coldMs.toFixed(0)} ms), ${result.eventCount} events, ${result.fired.length} injects fired`);
			ctx.figure({ key: `${key}.ms`, label: `dry run, ${file}, ${path.kind} path`, value: round(ms, 1), unit: 'ms' });
		}
	}
});
