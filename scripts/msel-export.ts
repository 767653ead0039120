/**
 * npm run msel:export <scenario id or file> [out.csv]
 * Writes a scenario's injects as an MSEL spreadsheet (CSV, UTF-8 with BOM).
 * Default output: <scenario id>-msel.csv in the directory npm was run from.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioDir, loadScenarioFile } from '../server/scenario-files';
import { mselToCsv } from '../src/lib/engine/formats/msel-export';
import { formatProblem } from '../src/lib/engine/scenario/parse';

const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
/** `npm run` always starts scripts in the package root; relative paths are meant from where the user typed the command. */
const userCwd = process.env.INIT_CWD ?? process.cwd();
const shown = (file: string) => {
	const rel = path.relative(userCwd, file);
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
};
function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const args = process.argv.slice(2);
if (args.length < 1 || args.length > 2 || args.some((a) => a === '-h' || a === '--help')) fail('usage: npm run msel:export <scenario id or file> [out.csv]');
const [which, outArg] = args;

const looksLikeFile = /[\\/]|\.ya?ml$/i.test(which) || existsSync(path.resolve(userCwd, which));
let file: string;
if (looksLikeFile) {
	file = path.resolve(userCwd, which);
	if (!existsSync(file)) fail(`no such scenario file: ${shown(file)} (or give a scenario id from ${shown(SCENARIOS_DIR)})`);
} else {
	const { scenarios, broken } = await loadScenarioDir(SCENARIOS_DIR);
	const match = scenarios.find((s) => s.scenario.id === which);
	if (!match) {
		const known = scenarios.map((s) => s.scenario.id);
		fail(
			[
				`unknown scenario "${which}"`,
				known.length > 0 ? `scenarios in ${shown(SCENARIOS_DIR)}: ${known.join(', ')}` : `no valid scenarios in ${shown(SCENARIOS_DIR)}`,
				...(broken.length > 0 ? [`(${broken.length} file(s) could not be read: run npm run scenario:check)`] : []),
				'or pass the path of a scenario file'
			].join('\n')
		);
	}
	file = match.file;
}

const loaded = await loadScenarioFile(file);
if ('problems' in loaded) {
	console.error(`cannot export ${shown(file)}: it is not a valid scenario`);
	for (const p of loaded.problems) console.error(formatProblem(shown(file), p));
	process.exit(1);
}
const { scenario } = loaded;
const out = path.resolve(userCwd, outArg ?? `${scenario.id}-msel.csv`);
try {
	await writeFile(out, mselToCsv(scenario), 'utf8');
} catch (err) {
	fail(`cannot write ${shown(out)}: ${(err as Error).message}`);
}
const decisions = scenario.injects.filter((i) => i.decision).length;
console.log(`wrote ${shown(out)}: ${scenario.injects.length} rows (${decisions} decisions shown as text) from "${scenario.title}"`);
