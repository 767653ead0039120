/**
 * Scenario problems as codes (pure): every problem the checks find has a stable `code` and its `params`, so the
 * studio words it in the reader's language (`src/lib/i18n/check-words.ts`), beside an English `message` for the
 * CLI and logs. The cross-reference and geography checks give their codes themselves (zod keeps a custom issue's
 * `params`); zod's own issues are mapped here, and a trigger that matches no kind of trigger is reported as the
 * kind it most likely is: the problems inside THAT kind, with their full paths
 * (`injects[4].trigger.intercept.waters: must be one of own, foreign, high-seas`).
 */
import type { z } from 'zod';
import { entitySchema, triggerSchema } from './schema';

export const PROBLEM_CODES = [
	// The shape of a field (zod's own checks)
	'missing',
	'wrong-type',
	'not-whole',
	'empty',
	'too-short',
	'too-long',
	'too-small',
	'too-large',
	'must-exceed',
	'must-be-below',
	'too-few',
	'too-many',
	'not-one-of',
	'unknown-field',
	'other-kind-field',
	'bad-id',
	'bad-colour',
	'bad-position',
	'bad-format',
	'unknown-trigger',
	'mixed-trigger',
	'invalid',
	// Cross-references (cross-references.ts)
	'duplicate-id',
	'reserved-id',
	'needs-one-of',
	'unknown-ref',
	'asset-needs-team',
	'more-minors-than-people',
	'more-unaccompanied-than-minors',
	'needs-displacement',
	'after-end',
	'needs-destination',
	'not-a-port',
	'needs-capacity',
	'needs-state',
	'over-max-staff',
	'track-order',
	'no-decision',
	'nothing-to-miss',
	'self-trigger',
	'already-receives',
	'deadline-before-expected',
	'decider-not-addressed',
	'no-points',
	'unreachable',
	// Geography (geography.ts)
	'on-land',
	'leg-on-land',
	'unknown-state',
	// The studio (check-draft.ts)
	'id-fixed'
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type ProblemParams = Record<string, string | number>;

/** What `unknown-ref` names: its `what` param. */
export const REFERENCE_KINDS = ['team', 'objective', 'entity', 'area', 'inject', 'option'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** The kinds of value `wrong-type` expects: its `expected` param (zod's names, said as people say them). */
export const VALUE_TYPES = ['text', 'number', 'true-false', 'list', 'fields'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** One problem found in a zod issue: where (the full path), its code and params, and its English message. */
export interface CodedIssue {
	path: (string | number)[];
	code: ProblemCode;
	params: ProblemParams;
	message: string;
}

const isProblemCode = (code: unknown): code is ProblemCode => typeof code === 'string' && (PROBLEM_CODES as readonly string[]).includes(code);

const asPath = (path: readonly PropertyKey[]): (string | number)[] => path.map((p) => (typeof p === 'number' ? p : String(p)));

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
	let here = data;
	for (const key of path) {
		if (here === null || typeof here !== 'object') return undefined;
		here = (here as Record<string | number, unknown>)[key];
	}
	return here;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The kinds of trigger, each by the key only it has (`decision`, `missed`, `message`, …), in the union's order. */
export const TRIGGER_KINDS: readonly string[] = (() => {
	const keysOf = triggerSchema.options.map((o) => Object.keys(o.shape));
	const count = (key: string) => keysOf.filter((keys) => keys.includes(key)).length;
	return keysOf.map((keys) => keys.find((k) => count(k) === 1)!);
})();

/** Keys only that branch of the trigger union has, per branch. */
const TRIGGER_DISTINCT: readonly string[][] = (() => {
	const keysOf = triggerSchema.options.map((o) => Object.keys(o.shape));
	return keysOf.map((keys) => keys.filter((k) => keysOf.filter((other) => other.includes(k)).length === 1));
})();

/** The kinds of entity that take a field (`distressAt` → boat): from the schema of each kind. */
function kindsWithField(field: string): string[] {
	return entitySchema.options.filter((o) => field in o.shape).map((o) => o.shape.kind.value);
}

const EXPECTED: Record<string, ValueType> = {
	string: 'text',
	number: 'number',
	int: 'number',
	boolean: 'true-false',
	array: 'list',
	tuple: 'list',
	set: 'list',
	object: 'fields',
	record: 'fields',
	map: 'fields'
};
const EXPECTED_WORDS: Record<ValueType, string> = {
	text: 'text',
	number: 'a number',
	'true-false': 'true or false',
	list: 'a list',
	fields: 'a mapping of fields'
};

const quoted = (keys: readonly string[]) => keys.map((k) => `"${k}"`).join(', ');
const limit = (n: number | bigint) => Number(n);

/** A position is a [longitude, latitude] pair: where the schema's tuple is. */
function isPositionPath(path: readonly (string | number)[]): boolean {
	const last = path.at(-1);
	return last === 'position' || last === 'center' || (typeof last === 'number' && path.at(-2) === 'polygon');
}

const one = (path: (string | number)[], code: ProblemCode, params: ProblemParams, message: string): CodedIssue[] => [{ path, code, params, message }];

/**
 * The coded problems of one zod issue of the scenario schema. `data` is the whole document the schema read, for the
 * value at an issue's path (a missing field, the kind of entity, the keys of a trigger).
 */
export function codedIssues(issue: z.core.$ZodIssue, data: unknown, base: readonly (string | number)[] = []): CodedIssue[] {
	const path = [...base, ...asPath(issue.path)];
	const value = valueAt(data, path);
	switch (issue.code) {
		case 'custom': {
			const { code, ...params } = (issue.params ?? {}) as Record<string, unknown>;
			const clean: ProblemParams = {};
			for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') clean[k] = v;
			return one(path, isProblemCode(code) ? code : 'invalid', clean, issue.message);
		}
		case 'invalid_type': {
			if (value === undefined) return one(path, 'missing', {}, 'is required');
			if (issue.expected === 'int' && typeof value === 'number') return one(path, 'not-whole', {}, 'must be a whole number');
			if (isPositionPath(path)) return one(path, 'bad-position', {}, 'must be [longitude, latitude] in decimal degrees');
			const expected = EXPECTED[issue.expected];
			if (!expected) return one(path, 'invalid', {}, issue.message);
			return one(path, 'wrong-type', { expected }, `must be ${EXPECTED_WORDS[expected]}`);
		}
		case 'too_small': {
			const min = limit(issue.minimum);
			if (issue.origin === 'string')
				return min <= 1 ? one(path, 'empty', {}, 'must not be empty') : one(path, 'too-short', { limit: min }, `must be at least ${min} characters`);
			if (issue.origin === 'array' || issue.origin === 'set') {
				if (isPositionPath(path)) return one(path, 'bad-position', {}, 'must be [longitude, latitude] in decimal degrees');
				return one(path, 'too-few', { limit: min }, `needs at least ${min} ${min === 1 ? 'entry' : 'entries'}`);
			}
			if (issue.inclusive === false) return one(path, 'must-exceed', { limit: min }, `must be more than ${min}`);
			return one(path, 'too-small', { limit: min }, `must be at least ${min}`);
		}
		case 'too_big': {
			const max = limit(issue.maximum);
			if (issue.origin === 'string') return one(path, 'too-long', { limit: max }, `must be at most ${max} characters`);
			if (issue.origin === 'array' || issue.origin === 'set') {
				if (isPositionPath(path)) return one(path, 'bad-position', {}, 'must be [longitude, latitude] in decimal degrees');
				return one(path, 'too-many', { limit: max }, `takes at most ${max} ${max === 1 ? 'entry' : 'entries'}`);
			}
			if (issue.inclusive === false) return one(path, 'must-be-below', { limit: max }, `must be less than ${max}`);
			return one(path, 'too-large', { limit: max }, `must be at most ${max}`);
		}
		case 'invalid_value': {
			const allowed = issue.values.map(String).join(', ');
			return one(path, 'not-one-of', { allowed }, `must be one of ${allowed}`);
		}
		case 'invalid_format': {
			if (issue.format === 'regex' && issue.pattern?.includes('#')) return one(path, 'bad-colour', {}, 'must be a colour like #1f77b4');
			if (issue.format === 'regex' && issue.pattern?.includes('[a-z0-9-]'))
				return one(path, 'bad-id', {}, 'must be lower-case letters, digits and dashes (max 64)');
			return one(path, 'bad-format', {}, issue.message);
		}
		case 'unrecognized_keys':
			return unknownKeys(issue.keys, path, value);
		case 'invalid_union':
			return unionIssues(issue, path, value, data);
		default:
			return one(path, 'invalid', {}, issue.message);
	}
}

/** Unknown keys; on an entity, a field of another kind of entity is named with the kinds that take it. */
function unknownKeys(keys: readonly string[], path: (string | number)[], value: unknown): CodedIssue[] {
	const entityKind = path.length === 2 && path[0] === 'entities' && isPlainObject(value) && typeof value.kind === 'string' ? value.kind : null;
	const out: CodedIssue[] = [];
	const unknown: string[] = [];
	for (const field of keys) {
		const kinds = entityKind ? kindsWithField(field) : [];
		if (entityKind && kinds.length > 0)
			out.push({
				path,
				code: 'other-kind-field',
				params: { field, kinds: kinds.join(', '), kind: entityKind },
				message: `"${field}" is only for ${kinds.join(' or ')} entities, not a ${entityKind}`
			});
		else unknown.push(field);
	}
	if (unknown.length > 0)
		out.unshift({
			path,
			code: 'unknown-field',
			params: { keys: unknown.join(', '), count: unknown.length },
			message: `unknown ${unknown.length === 1 ? 'field' : 'fields'} ${quoted(unknown)}`
		});
	return out;
}

/** A value that matched no branch of a union: the branch it means, or why none can be told. */
function unionIssues(issue: Extract<z.core.$ZodIssue, { code: 'invalid_union' }>, path: (string | number)[], value: unknown, data: unknown): CodedIssue[] {
	// A discriminated union (an entity's kind): the discriminator names the allowed values.
	if ('discriminator' in issue && issue.discriminator && 'options' in issue && issue.options) {
		const allowed = issue.options.map(String).join(', ');
		return one(path, 'not-one-of', { allowed }, `must be one of ${allowed}`);
	}
	const isTrigger = path.at(-1) === 'trigger' && issue.errors.length === TRIGGER_KINDS.length;
	if (!isTrigger) return one(path, 'invalid', {}, issue.message);
	const kinds = TRIGGER_KINDS.join(', ');
	if (!isPlainObject(value)) return one(path, 'wrong-type', { expected: 'fields' }, `must be ${EXPECTED_WORDS.fields} (one of ${kinds})`);
	const meant = TRIGGER_DISTINCT.map((keys, i) => (keys.some((k) => k in value) ? i : -1)).filter((i) => i >= 0);
	if (meant.length === 0) return one(path, 'unknown-trigger', { kinds }, `names no kind of trigger: use one of ${kinds}`);
	if (meant.length > 1) {
		const mixed = meant.map((i) => TRIGGER_KINDS[i]!).join(', ');
		return one(path, 'mixed-trigger', { kinds: mixed }, `mixes kinds of trigger (${mixed}): a trigger is one of them`);
	}
	return (issue.errors[meant[0]!] ?? []).flatMap((inner) => codedIssues(inner, data, path));
}
