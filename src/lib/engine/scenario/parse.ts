/**
 * Parse a scenario from YAML text (pure: no file access). Every problem comes
 * back with its YAML path and line so authors can fix files quickly:
 * `injects[3].to[0]: unknown team "coastgard"` at line 42.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { codedIssues, type ProblemCode, type ProblemParams } from './problem-codes';
import { scenarioSchema, type Scenario } from './schema';
import type { ScenarioLanguage } from './vocabulary';
import { translationFileSchema, weaveTranslation } from './translation-file';

export interface ScenarioProblem {
	path: string;
	line: number | null;
	message: string;
	/** The file the problem is in, when it is not the scenario file itself (a translation file). */
	file?: string;
	/** The path as keys and indexes (`['injects', 3, 'to', 0]`), for an editor to go to the field. */
	at?: (string | number)[];
	/** What the problem is, stable across versions (`unknown-ref`, `not-one-of`, … see `problem-codes.ts`), for the browser to word it. */
	code?: ProblemCode;
	/** The facts the code's words need (`{ what: 'team', value: 'coastgard' }`). */
	params?: ProblemParams;
}

/** A translation file to weave into the scenario: its name (for problems), the language its name says, its text. */
export interface TranslationSource {
	file: string;
	locale: ScenarioLanguage;
	source: string;
}

export type ScenarioParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out || '(root)';
}

function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | null {
	// Walk up the path until a node with a source range is found.
	for (let n = path.length; n >= 0; n--) {
		const node = doc.getIn(path.slice(0, n) as unknown[], true);
		if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
	}
	return null;
}

/** Checks beyond the schema, run on a scenario that passed it (e.g. geography, which needs data the browser does not load). */
export type ExtraCheck = (scenario: Scenario) => { path: (string | number)[]; message: string; code?: ProblemCode; params?: ProblemParams }[];

/** Parses YAML into plain data, or the problems that stop it (with `file` set on each when given). */
function parseYaml(source: string, file?: string): { data: unknown; doc: Document; counter: LineCounter } | { problems: ScenarioProblem[] } {
	const at = (p: Omit<ScenarioProblem, 'file'>): ScenarioProblem => (file ? { ...p, file } : p);
	if (source.length > MAX_SCENARIO_BYTES) return { problems: [at({ path: '(file)', line: null, message: `file is larger than ${MAX_SCENARIO_BYTES} bytes` })] };
	const counter = new LineCounter();
	const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length > 0)
		return {
			problems: doc.errors.map((e) =>
				at({ path: '(yaml)', line: e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line, message: e.message.split('\n')[0] ?? e.message })
			)
		};
	try {
		return { data: doc.toJS({ maxAliasCount: 100 }), doc, counter };
	} catch (err) {
		const message = err instanceof RangeError ? 'the document is nested too deeply' : (err as Error).message;
		return { problems: [at({ path: '(yaml)', line: null, message })] };
	}
}

/** Validates each translation file and weaves its texts into `data`; the problems found, each naming its file and line. */
export function weaveTranslations(data: unknown, translations: readonly TranslationSource[]): ScenarioProblem[] {
	const problems: ScenarioProblem[] = [];
	for (const t of translations) {
		const parsed = parseYaml(t.source, t.file);
		if ('problems' in parsed) {
			problems.push(...parsed.problems);
			continue;
		}
		const at = (path: readonly PropertyKey[], message: string): ScenarioProblem => ({
			file: t.file,
			path: formatPath(path),
			line: lineOf(parsed.doc, parsed.counter, path),
			message
		});
		const file = translationFileSchema.safeParse(parsed.data);
		if (!file.success) {
			problems.push(...file.error.issues.map((i) => at(i.path, i.message)));
			continue;
		}
		if (file.data.locale !== t.locale) {
			problems.push(at(['locale'], `the file name says "${t.locale}" but the file says "${file.data.locale}"`));
			continue;
		}
		problems.push(...weaveTranslation(data, file.data).map((i) => at(i.path, i.message)));
	}
	return problems;
}

/**
 * Parses a scenario file, with the translation files to weave into it (problems in those name their file). A
 * translation problem makes the whole result a failure, as a scenario problem does: `scenario:check` reports both.
 */
export function parseScenarioYaml(source: string, extra?: ExtraCheck, translations: readonly TranslationSource[] = []): ScenarioParseResult {
	const parsed = parseYaml(source);
	if ('problems' in parsed) return { ok: false, problems: parsed.problems };
	const { data, doc, counter } = parsed;
	const translationProblems = weaveTranslations(data, translations);
	const result = validateScenario(data, (path) => lineOf(doc, counter, path), extra);
	if (translationProblems.length === 0) return result;
	return { ok: false, problems: [...(result.ok ? [] : result.problems), ...translationProblems] };
}

/**
 * Validate already-parsed data (JSON or YAML); `lineFor` maps a path to a source line when known. Each problem has
 * its code and params (`problem-codes.ts`) beside its English message.
 */
export function validateScenario(
	data: unknown,
	lineFor: (path: readonly PropertyKey[]) => number | null = () => null,
	extra?: ExtraCheck
): ScenarioParseResult {
	const parsed = scenarioSchema.safeParse(data);
	if (parsed.success) {
		const found = extra?.(parsed.data) ?? [];
		if (found.length === 0) return { ok: true, scenario: parsed.data };
		return { ok: false, problems: sortedByLine(found.map((p) => problemAt(p.path, p.message, lineFor, p.code, p.params))) };
	}
	const problems = parsed.error.issues.flatMap((issue) => codedIssues(issue, data)).map((c) => problemAt(c.path, c.message, lineFor, c.code, c.params));
	return { ok: false, problems: sortedByLine(problems) };
}

function problemAt(
	path: readonly (string | number)[],
	message: string,
	lineFor: (path: readonly PropertyKey[]) => number | null,
	code?: ProblemCode,
	params?: ProblemParams
): ScenarioProblem {
	const problem: ScenarioProblem = { path: formatPath(path), line: lineFor(path), message, at: [...path] };
	if (code) problem.code = code;
	if (code && params) problem.params = params;
	return problem;
}

const sortedByLine = (problems: ScenarioProblem[]) => problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

export function formatProblem(file: string, p: ScenarioProblem): string {
	return `${p.file ?? file}${p.line ? `:${p.line}` : ''} ${p.path}: ${p.message}`;
}
