/** Reads scenario files from disk (I/O edge); parsing and validation are pure in the engine. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SCENARIO_BYTES, parseScenarioYaml, type ScenarioProblem } from '../src/lib/engine/scenario/parse';
import { geographyProblems } from '../src/lib/engine/scenario/geography';
import type { Scenario } from '../src/lib/engine/scenario/schema';

export interface LoadedScenario {
	file: string;
	scenario: Scenario;
}
export interface BrokenScenario {
	file: string;
	problems: ScenarioProblem[];
}

export async function loadScenarioFile(file: string): Promise<LoadedScenario | BrokenScenario> {
	try {
		const info = await stat(file);
		if (info.size > MAX_SCENARIO_BYTES) return { file, problems: [{ path: '(file)', line: null, message: `file is larger than ${MAX_SCENARIO_BYTES} bytes` }] };
		const result = parseScenarioYaml(await readFile(file, 'utf8'), geographyProblems);
		return result.ok ? { file, scenario: result.scenario } : { file, problems: result.problems };
	} catch (err) {
		return { file, problems: [{ path: '(file)', line: null, message: (err as Error).message }] };
	}
}

export async function scenarioFilesIn(dir: string): Promise<string[]> {
	const names = await readdir(dir).catch(() => [] as string[]);
	return names
		.filter((n) => /\.ya?ml$/.test(n))
		.sort()
		.map((n) => path.join(dir, n));
}

/** Loads every scenario in a directory; broken files are reported, never fatal. */
export async function loadScenarioDir(dir: string) {
	const results = await Promise.all((await scenarioFilesIn(dir)).map(loadScenarioFile));
	return {
		scenarios: results.filter((r): r is LoadedScenario => !('problems' in r)),
		broken: results.filter((r): r is BrokenScenario => 'problems' in r)
	};
}
