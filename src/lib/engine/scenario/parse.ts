/**
 * Parse a scenario from YAML text (pure: no file access). Every problem comes
 * back with its YAML path and line so authors can fix files quickly:
 * `injects[3].to[0]: unknown team "coastgard"` at line 42.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { scenarioSchema, type Scenario } from './schema';

export interface ScenarioProblem {
	path: string;
	line: number | null;
	message: string;
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
export type ExtraCheck = (scenario: Scenario) => { path: (string | number)[]; message: string }[];

export function parseScenarioYaml(source: string, extra?: ExtraCheck): ScenarioParseResult {
	if (source.length > MAX_SCENARIO_BYTES)
		return { ok: false, problems: [{ path: '(file)', line: null, message: `file is larger than ${MAX_SCENARIO_BYTES} bytes` }] };
	const counter = new LineCounter();
	const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length > 0) {
		return {
			ok: false,
			problems: doc.errors.map((e) => ({
				path: '(yaml)',
				line: e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line,
				message: e.message.split('\n')[0] ?? e.message
			}))
		};
	}
	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: 100 });
	} catch (err) {
		const message = err instanceof RangeError ? 'the document is nested too deeply' : (err as Error).message;
		return { ok: false, problems: [{ path: '(yaml)', line: null, message }] };
	}
	return validateScenario(data, (path) => lineOf(doc, counter, path), extra);
}

/** Validate already-parsed data (JSON or YAML); `lineFor` maps a path to a source line when known. */
export function validateScenario(
	data: unknown,
	lineFor: (path: readonly PropertyKey[]) => number | null = () => null,
	extra?: ExtraCheck
): ScenarioParseResult {
	const parsed = scenarioSchema.safeParse(data);
	const issues = parsed.success ? (extra?.(parsed.data) ?? []) : parsed.error.issues;
	if (parsed.success && issues.length === 0) return { ok: true, scenario: parsed.data };
	const problems = issues.map((issue) => ({
		path: formatPath(issue.path),
		line: lineFor(issue.path),
		message: issue.message
	}));
	problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return { ok: false, problems };
}

export function formatProblem(file: string, p: ScenarioProblem): string {
	return `${file}${p.line ? `:${p.line}` : ''} ${p.path}: ${p.message}`;
}
