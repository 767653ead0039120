/**
 * Reads scenario files from disk (I/O edge); parsing and validation are pure in the engine. A scenario
 * `scenarios/x.yaml` may have translation files `scenarios/translations/x.<language>.yaml`, woven into it as it
 * loads (see src/lib/engine/scenario/translation-file.ts).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SCENARIO_BYTES, parseScenarioYaml, type ScenarioProblem, type TranslationSource } from '../src/lib/engine/scenario/parse';
import { geographyProblems } from '../src/lib/engine/scenario/geography';
import type { Scenario } from '../src/lib/engine/scenario/schema';
import { SCENARIO_LANGUAGES, type ScenarioLanguage } from '../src/lib/engine/scenario/vocabulary';

export interface LoadedScenario {
	file: string;
	scenario: Scenario;
	/** Problems in its translation files: the scenario loaded without those translations (never on `scenario:check`). */
	translationProblems?: ScenarioProblem[];
}
export interface BrokenScenario {
	file: string;
	problems: ScenarioProblem[];
}

export const TRANSLATIONS_DIR = 'translations';

/** The translation files of the scenario in `file`, by the language their names give. */
export async function translationFilesOf(file: string): Promise<{ file: string; locale: ScenarioLanguage }[]> {
	const dir = path.join(path.dirname(file), TRANSLATIONS_DIR);
	const stem = path.basename(file).replace(/\.ya?ml$/, '');
	const names = await readdir(dir).catch(() => [] as string[]);
	return names
		.map((name) => ({ name, locale: /^(.+)\.([a-z]{2})\.ya?ml$/.exec(name) }))
		.filter(({ locale }) => locale?.[1] === stem && (SCENARIO_LANGUAGES as readonly string[]).includes(locale[2]!))
		.sort((a, b) => a.name.localeCompare(b.name))
		.map(({ name, locale }) => ({ file: path.join(dir, name), locale: locale![2] as ScenarioLanguage }));
}

async function readSmall(file: string): Promise<string> {
	const info = await stat(file);
	if (info.size > MAX_SCENARIO_BYTES) throw new Error(`file is larger than ${MAX_SCENARIO_BYTES} bytes`);
	return readFile(file, 'utf8');
}

/**
 * Loads a scenario and its translations. `strict` (scenario:check): a problem in a translation file fails the
 * scenario. Otherwise (the server) a scenario whose translations are broken still loads, in its own language only,
 * with the translation problems returned for the log: a translator's typo must not take an exercise off the list.
 */
export async function loadScenarioFile(file: string, { strict = false } = {}): Promise<LoadedScenario | BrokenScenario> {
	try {
		const source = await readSmall(file);
		const relative = (f: string) => path.relative(process.cwd(), f) || f;
		// A translation file that cannot be read (too large, unreadable) is a problem of that file, not of the scenario.
		const unread: ScenarioProblem[] = [];
		const translations: TranslationSource[] = (
			await Promise.all(
				(await translationFilesOf(file)).map(async (t) => {
					try {
						return [{ file: relative(t.file), locale: t.locale, source: await readSmall(t.file) }];
					} catch (err) {
						unread.push({ file: relative(t.file), path: '(file)', line: null, message: (err as Error).message });
						return [];
					}
				})
			)
		).flat();
		const result = parseScenarioYaml(source, geographyProblems, translations);
		if (result.ok && unread.length === 0) return { file, scenario: result.scenario };
		const problems = [...(result.ok ? [] : result.problems), ...unread];
		if (strict) return { file, problems };
		if (result.ok) return { file, scenario: result.scenario, translationProblems: unread };
		const inTranslations = problems.filter((p) => p.file);
		if (inTranslations.length < problems.length) return { file, problems };
		const alone = parseScenarioYaml(source, geographyProblems);
		return alone.ok ? { file, scenario: alone.scenario, translationProblems: inTranslations } : { file, problems: alone.problems };
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
	const results = await Promise.all((await scenarioFilesIn(dir)).map((file) => loadScenarioFile(file)));
	return {
		scenarios: results.filter((r): r is LoadedScenario => !('problems' in r)),
		broken: results.filter((r): r is BrokenScenario => 'problems' in r)
	};
}
