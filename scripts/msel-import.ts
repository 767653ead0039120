/**
 * npm run msel:import <file.csv> <new-id> [out.yaml] [--force] [--base <scenario id or file>] [--title <text>]
 * Turns an MSEL spreadsheet (CSV) into a scenario skeleton in YAML, then
 * validates it. Default output: scenarios/<new-id>.yaml (never overwritten
 * without --force). --base reuses the teams and objectives (ids, agencies,
 * colours, capabilities) of an existing scenario, matched by name or id.
 * Through npm, put `--` before options that take a value:
 *   npm run msel:import -- msel.csv new-id --base maritime-trafficking-southern-caribbean
 */
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isScalar, isSeq, parseDocument, stringify, visit } from 'yaml';
import { loadScenarioDir, loadScenarioFile } from '../server/scenario-files';
import { csvToScenarioSkeleton, type MselImportBase } from '../src/lib/engine/formats/msel-import';
import { formatProblem, parseScenarioYaml } from '../src/lib/engine/scenario/parse';

const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
const MAX_CSV_BYTES = 10 * 1024 * 1024;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** `npm run` always starts scripts in the package root; relative paths are meant from where the user typed the command. */
const userCwd = process.env.INIT_CWD ?? process.cwd();
const shown = (file: string) => {
	const rel = path.relative(userCwd, file);
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
};
const USAGE = 'usage: npm run msel:import [--] <file.csv> <new-id> [out.yaml] [--force] [--base <scenario id or file>] [--title <text>]';
function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

let parsedArgs;
try {
	parsedArgs = parseArgs({
		allowPositionals: true,
		options: {
			force: { type: 'boolean', default: false },
			base: { type: 'string' },
			title: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
} catch (err) {
	fail(`${(err as Error).message}\n${USAGE}`);
}
const { values: opts, positionals } = parsedArgs;
// Without `--`, npm keeps options for itself: a bare --force still arrives as npm_config_force,
// but --base/--title lose their values (which turn up as extra positional arguments).
if (process.env.npm_config_base === 'true' || process.env.npm_config_title === 'true')
	fail(
		`npm took --base/--title for itself: put -- before the arguments\n  npm run msel:import -- <file.csv> <new-id> [out.yaml] [--force] [--base <scenario>] [--title <text>]`
	);
const force = opts.force || process.env.npm_config_force === 'true';
if (opts.help || positionals.length < 2 || positionals.length > 3) fail(USAGE);
const [csvArg, newId, outArg] = positionals;
if (!ID_PATTERN.test(newId)) fail(`invalid scenario id "${newId}": use lower-case letters, digits and dashes (max 64), e.g. hurricane-drill-2026`);

/** A scenario's teams and objectives, by file path or by id from scenarios/. */
async function loadBase(which: string): Promise<Pick<MselImportBase, 'teams' | 'objectives'>> {
	const asFile = /[\\/]|\.ya?ml$/i.test(which) || existsSync(path.resolve(userCwd, which));
	let file = path.resolve(userCwd, which);
	if (asFile && !existsSync(file)) fail(`--base: no such scenario file: ${shown(file)}`);
	if (!asFile) {
		const { scenarios } = await loadScenarioDir(SCENARIOS_DIR);
		const match = scenarios.find((s) => s.scenario.id === which);
		if (!match) fail(`--base: unknown scenario "${which}" (known: ${scenarios.map((s) => s.scenario.id).join(', ') || 'none'})`);
		file = match.file;
	}
	const loaded = await loadScenarioFile(file);
	if ('problems' in loaded) {
		console.error(`--base: ${shown(file)} is not a valid scenario`);
		for (const p of loaded.problems) console.error(formatProblem(shown(file), p));
		process.exit(1);
	}
	return { teams: loaded.scenario.teams, objectives: loaded.scenario.objectives };
}

const csvFile = path.resolve(userCwd, csvArg);
const out = outArg ? path.resolve(userCwd, outArg) : path.join(SCENARIOS_DIR, `${newId}.yaml`);
if (!/\.ya?ml$/i.test(out)) fail(`the output file should end in .yaml: ${shown(out)}`);
if (existsSync(out) && !force) fail(`${shown(out)} already exists — choose another output file or add --force to overwrite it`);

let csv: string;
try {
	const info = await stat(csvFile);
	if (info.size > MAX_CSV_BYTES) fail(`${shown(csvFile)} is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`);
	csv = await readFile(csvFile, 'utf8');
	if (csv.includes('\uFFFD'))
		console.warn(`warning: ${shown(csvFile)} is not valid UTF-8 — accented letters may be garbled (save it as "CSV UTF-8" in the spreadsheet program)`);
} catch (err) {
	fail(`cannot read ${shown(csvFile)}: ${(err as Error).message}`);
}

const base: MselImportBase = {
	id: newId,
	title: (opts.title?.trim() || `${newId} (imported from ${path.basename(csvFile)})`).slice(0, 160),
	...(opts.base ? await loadBase(opts.base) : {})
};
let result;
try {
	result = csvToScenarioSkeleton(csv, base);
} catch (err) {
	fail(`cannot import ${shown(csvFile)}: ${(err as Error).message}`);
}
const { scenario, warnings } = result;

// Short lists of plain values ([a, b], [lon, lat]) on one line, as in the hand-written scenarios.
const doc = parseDocument(stringify(scenario, { lineWidth: 100 }));
visit(doc, {
	Seq(_, node) {
		if (isSeq(node) && node.items.length <= 8 && node.items.every((i) => isScalar(i) && String(i.value).length <= 40 && !String(i.value).includes('\n')))
			node.flow = true;
	}
});
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const header = [
	'# yaml-language-server: $schema=./scenario.schema.json',
	`# Generated by \`npm run msel:import\` from ${oneLine(path.basename(csvFile))} on ${new Date().toISOString().slice(0, 10)}.`,
	'# This is a SKELETON: complete it before use — summary, kind, map, durationMinutes,',
	'# team agencies and states ("TBD"), objective capabilities ("TBD"), entities, and what',
	'# the CSV cannot carry: decisions, reveals and shareWith. Then run `npm run scenario:check`.',
	...(warnings.length > 0 ? ['#', '# Import warnings:', ...warnings.map((w) => `# - ${oneLine(w)}`)] : []),
	''
].join('\n');
const text = `${header}${doc.toString({ lineWidth: 100 })}`;

try {
	await writeFile(out, text, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
} catch (err) {
	fail(`cannot write ${shown(out)}: ${(err as Error).message}`);
}

console.log(`wrote ${shown(out)}: ${scenario.injects.length} injects, ${scenario.teams.length} teams, ${scenario.objectives.length} objectives`);
if (warnings.length > 0) {
	console.log(`\n${warnings.length} warning(s):`);
	for (const w of warnings) console.log(`  - ${w}`);
}

const check = parseScenarioYaml(await readFile(out, 'utf8'));
if (check.ok) {
	console.log(`\nvalidation: ok (${shown(out)} is a valid scenario; still complete the placeholders before use)`);
} else {
	console.log(`\nvalidation: ${check.problems.length} problem(s) — the CSV was imported, but the skeleton needs these fixed before use:`);
	for (const p of check.problems) console.log(`  ${formatProblem(shown(out), p)}`);
}
