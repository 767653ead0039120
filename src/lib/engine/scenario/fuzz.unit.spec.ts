/**
 * Fuzzes parseScenarioYaml with seeded random mutations of a valid scenario
 * file: it must never throw, and every refusal must name its problems with a
 * message, a path and a plausible line. Alias bombs must be refused.
 *
 * Reproduce a failure with the printed seed:
 *   FUZZ_SEED=<seed> npx vitest run --project unit src/lib/engine/scenario/fuzz.unit.spec.ts
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { miniScenarioInput } from '../../../../tests/fixtures/mini-scenario';
import { formatProblem, parseScenarioYaml, type ScenarioParseResult } from './parse';
import { Rng } from '../../../../tests/fixtures/seeded-random';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
const CASES = 2_000;
const BASE = stringify(miniScenarioInput);

// ---------------------------------------------------------------- seeded randomness

// ---------------------------------------------------------------- inputs

/** The classic "billion laughs": each level aliases the one before it nine times. */
function billionLaughs(levels = 9, prefix = 'lol'): string[] {
	const lines = [`${prefix}0: &${prefix}0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
	for (let i = 1; i < levels; i++)
		lines.push(
			`${prefix}${i}: &${prefix}${i} [${Array(9)
				.fill(`*${prefix}${i - 1}`)
				.join(', ')}]`
		);
	return lines;
}

const ODD_CHARS = [
	'\u0000',
	'\u0001',
	'\u0007',
	'\b',
	'\u001b',
	'\u007f',
	'\uFEFF',
	'\u00a0',
	'\u200b',
	'\u2028',
	'\u2029',
	'\ud800',
	'\udfff',
	'😀',
	'é',
	'漢',
	'\r',
	'\t',
	'\\',
	'"',
	"'",
	'`'
];
const YAML_SYNTAX = [
	'&a ',
	'*a',
	'&a *a',
	'!!str ',
	'!!binary ',
	'!!map ',
	'!custom ',
	'!<tag:x> ',
	'? ',
	'| ',
	'> ',
	'|-',
	'{',
	'}',
	'[',
	']',
	'"',
	"'",
	'#',
	',',
	'@',
	'%',
	'<<: *a',
	'---',
	'...',
	'%YAML 1.1',
	'%TAG ! tag:x:'
];
const OTHER_VALUES = [
	'42',
	'-1',
	'0',
	'3.14',
	'1e400',
	'-1e400',
	'.nan',
	'.inf',
	'-.inf',
	'true',
	'false',
	'null',
	'~',
	'',
	'[]',
	'{}',
	'[1, 2]',
	'{a: 1}',
	'""',
	"''",
	'"\\u0000"',
	'!!binary aGVsbG8=',
	'!!timestamp 2001-12-14',
	'2001-12-14T21:59:43.10-05:00',
	'0x1F',
	'0o17',
	'*nowhere',
	'&anchor 1',
	'|\n  multi\n  line',
	'>-\n  folded',
	`"${'x'.repeat(5000)}"`,
	'__proto__',
	'{__proto__: {polluted: true}}'
];

// ---------------------------------------------------------------- mutations (text → text)

type Mutation = (rng: Rng, text: string) => string;
const lines = (text: string) => text.split('\n');
const lineIndex = (rng: Rng, ls: string[]) => rng.int(ls.length);
const insertAt = (text: string, at: number, piece: string) => text.slice(0, at) + piece + text.slice(at);

const deleteLine: Mutation = (rng, text) => {
	const ls = lines(text);
	ls.splice(lineIndex(rng, ls), 1);
	return ls.join('\n');
};

const duplicateLine: Mutation = (rng, text) => {
	const ls = lines(text);
	const i = lineIndex(rng, ls);
	ls.splice(rng.int(ls.length + 1), 0, ls[i]);
	return ls.join('\n');
};

const swapLines: Mutation = (rng, text) => {
	const ls = lines(text);
	const [i, j] = [lineIndex(rng, ls), lineIndex(rng, ls)];
	[ls[i], ls[j]] = [ls[j], ls[i]];
	return ls.join('\n');
};

const changeIndentation: Mutation = (rng, text) => {
	const ls = lines(text);
	const i = lineIndex(rng, ls);
	const n = 1 + rng.int(4);
	ls[i] = rng.pick([' '.repeat(n) + ls[i], '\t' + ls[i], ls[i].replace(new RegExp(`^ {1,${n}}`), ''), ls[i].trimStart()]);
	return ls.join('\n');
};

const insertOddChars: Mutation = (rng, text) => {
	const piece = Array.from({ length: 1 + rng.int(6) }, () => (rng.chance(0.8) ? rng.pick(ODD_CHARS) : String.fromCharCode(rng.int(0x10000)))).join('');
	return insertAt(text, rng.int(text.length + 1), piece);
};

const insertYamlSyntax: Mutation = (rng, text) => insertAt(text, rng.int(text.length + 1), rng.pick([': ', '- ', '\t', ...YAML_SYNTAX]));

const insertAliasBomb: Mutation = (rng, text) => {
	const ls = lines(text);
	const bomb = billionLaughs(3 + rng.int(7), `b${rng.int(1000)}x`);
	if (rng.chance(0.5)) return [...bomb, ...ls].join('\n');
	// Point an existing value at the top of the bomb.
	const last = bomb.at(-1)!.split(':')[0];
	const withValue = ls.map((l, i) => [l, i] as const).filter(([l]) => /^\s*(- )?[\w-]+: \S/.test(l));
	if (withValue.length === 0) return [...bomb, ...ls].join('\n');
	const [line, i] = rng.pick(withValue);
	ls[i] = line.replace(/: .*$/, `: *${last}`);
	return [...bomb, ...ls].join('\n');
};

const truncate: Mutation = (rng, text) => text.slice(0, rng.int(text.length + 1));

const replaceValue: Mutation = (rng, text) => {
	const ls = lines(text);
	const candidates = ls.map((l, i) => i).filter((i) => /^\s*(- )?[\w-]+: \S/.test(ls[i]) || /^\s*- \S/.test(ls[i]));
	if (candidates.length === 0) return text;
	const i = rng.pick(candidates);
	const value = rng.pick(OTHER_VALUES);
	ls[i] = /: \S/.test(ls[i]) ? ls[i].replace(/: .*$/, `: ${value}`) : ls[i].replace(/- .*$/, `- ${value}`);
	return ls.join('\n');
};

const copyBlock: Mutation = (rng, text) => {
	const ls = lines(text);
	const start = lineIndex(rng, ls);
	const block = ls.slice(start, start + 1 + rng.int(12));
	ls.splice(rng.int(ls.length + 1), 0, ...block);
	return ls.join('\n');
};

const changeLineEndings: Mutation = (rng, text) =>
	rng.chance(0.5) ? text.replaceAll('\n', '\r\n') : text.replace(/\n/g, () => (rng.chance(0.2) ? '\r' : '\n'));

const MUTATIONS: Record<string, Mutation> = {
	deleteLine,
	duplicateLine,
	swapLines,
	changeIndentation,
	insertOddChars,
	insertYamlSyntax,
	insertAliasBomb,
	truncate,
	replaceValue,
	copyBlock,
	changeLineEndings
};

// ---------------------------------------------------------------- invariants

const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/** What is wrong with a parse result for `source`, or null. */
function resultProblem(source: string, result: ScenarioParseResult): string | null {
	if (result === null || typeof result !== 'object') return `not a result: ${String(result)}`;
	if (result.ok === true) return typeof result.scenario === 'object' && result.scenario !== null ? null : 'ok without a scenario';
	if (result.ok !== false) return `ok is ${String((result as { ok: unknown }).ok)}`;
	if (!Array.isArray(result.problems) || result.problems.length === 0) return 'refused without problems';
	const maxLine = lineCount(source) + 1;
	for (const p of result.problems) {
		if (typeof p.message !== 'string' || p.message.trim() === '') return `problem without a message: ${JSON.stringify(p)}`;
		if (typeof p.path !== 'string' || p.path === '') return `problem without a path: ${JSON.stringify(p)}`;
		if (p.line !== null && !(Number.isInteger(p.line) && p.line >= 1 && p.line <= maxLine)) return `line ${p.line} outside 1..${maxLine}: ${JSON.stringify(p)}`;
		if (typeof formatProblem('x.yaml', p) !== 'string') return 'formatProblem did not return a string';
	}
	return null;
}

/** Parses and checks; a throw is a problem too. */
function parseAndCheck(source: string): { problem: string | null; ok: boolean } {
	try {
		const result = parseScenarioYaml(source);
		return { problem: resultProblem(source, result), ok: result.ok };
	} catch (err) {
		return { problem: `threw ${(err as Error)?.stack ?? String(err)}`, ok: false };
	}
}
const check = (source: string) => parseAndCheck(source).problem;

// ---------------------------------------------------------------- tests

describe('parseScenarioYaml under fuzzing', () => {
	it('starts from a valid scenario', () => {
		expect(parseScenarioYaml(BASE).ok).toBe(true);
	});

	it(`never throws and always names its problems (${CASES} mutated files)`, { timeout: 120_000 }, () => {
		console.log(`scenario fuzz seed: ${SEED} (rerun with FUZZ_SEED=${SEED})`);
		const rng = new Rng(SEED);
		const names = Object.keys(MUTATIONS);
		const applied: Record<string, number> = {};
		const outcomes = { accepted: 0, refused: 0 };
		const failures: string[] = [];
		let mutations = 0;
		for (let n = 0; n < CASES; n++) {
			let text = BASE;
			const steps: string[] = [];
			for (let k = 1 + rng.int(3); k > 0; k--) {
				const name = rng.pick(names);
				text = MUTATIONS[name](rng, text);
				steps.push(name);
				applied[name] = (applied[name] ?? 0) + 1;
				mutations++;
			}
			const { problem, ok } = parseAndCheck(text);
			if (problem) failures.push(`case ${n} [${steps.join(' → ')}]: ${problem}\n--- input (${text.length} chars) ---\n${JSON.stringify(text.slice(0, 1500))}`);
			else outcomes[ok ? 'accepted' : 'refused']++;
		}
		console.log(
			`scenario fuzz: ${CASES} files, ${mutations} mutations, seed ${SEED}; accepted ${outcomes.accepted}, refused ${outcomes.refused}, failures ${failures.length}\n` +
				`  mutations: ${JSON.stringify(applied)}`
		);
		expect(failures.slice(0, 5), `seed ${SEED}: ${failures.length} failures`).toEqual([]);
		expect(mutations).toBeGreaterThanOrEqual(2_000);
		for (const name of names) expect(applied[name] ?? 0, name).toBeGreaterThan(0);
	});

	it('refuses a billion-laughs alias bomb, alone or inside a scenario', () => {
		const bomb = billionLaughs();
		const alone = parseScenarioYaml(bomb.join('\n'));
		const inside = parseScenarioYaml([...bomb, BASE.replace('summary: A go-fast heads north.', 'summary: *lol8')].join('\n'));
		const wide = parseScenarioYaml(['a: &a [x, x, x, x, x, x, x, x, x, x]', `b: [${Array(5000).fill('*a').join(', ')}]`].join('\n'));
		for (const result of [alone, inside, wide]) {
			expect(result.ok).toBe(false);
			if (result.ok) continue;
			expect(result.problems).toEqual([expect.objectContaining({ path: '(yaml)', message: expect.stringMatching(/alias/i) })]);
		}
	});

	it('refuses undefined aliases and self-referencing anchors with named problems', () => {
		for (const source of ['summary: *nowhere', 'a: &a [*a]', 'a: &a {b: *a}', `${BASE}\nextra: *nowhere`]) expect(check(source)).toBeNull();
	});

	it('refuses deeply nested collections without throwing', () => {
		for (const depth of [10, 100, 1000, 10_000]) {
			const shapes = [
				`${'['.repeat(depth)}${']'.repeat(depth)}`,
				'['.repeat(depth),
				`${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`,
				`${'- '.repeat(depth)}x`,
				`summary: ${'['.repeat(depth)}${']'.repeat(depth)}`
			];
			for (const source of shapes) expect(check(source), `depth ${depth}: ${source.slice(0, 40)}`).toBeNull();
		}
	});

	it('refuses empty, binary and oversized input with named problems', () => {
		const sources = [
			'',
			'\n',
			'---',
			'...',
			'\u0000',
			'\uFEFF',
			'%YAML 1.1\n---\n',
			Buffer.from([0xff, 0xfe, 0, 1, 2]).toString('latin1'),
			'x'.repeat(2 * 1024 * 1024 + 1)
		];
		for (const source of sources) expect(check(source), JSON.stringify(source.slice(0, 20))).toBeNull();
	});

	// KNOWN SLOWNESS (not fixed here): with `uniqueKeys: true` the yaml package checks each new map key
	// against every earlier key of that map, so parsing is quadratic in the number of keys and the
	// 2 MB size cap does not bound the time: 10,000 keys (89 kB) ≈ 4 s, 40,000 keys (389 kB) ≈ 30 s
	// on the dev container, in parseDocument alone. Only operator-supplied scenario files reach this
	// parser today. Skipped because it is synchronous (a vitest timeout cannot stop it).
	it.skip('parses a file with tens of thousands of map keys in bounded time', () => {
		const source = Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join('\n');
		const started = Date.now();
		expect(check(source)).toBeNull();
		expect(Date.now() - started).toBeLessThan(2_000);
	});
});
