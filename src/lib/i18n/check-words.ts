/**
 * Scenario problems in the reader's language: what is wrong, from the problem's code and params
 * (`engine/scenario/problem-codes.ts`), and where, as people name things ("Inject 4 (“Radar contact”) › trigger ›
 * waters") rather than as a path. A problem without a code (a YAML syntax error, an older server) reads as its
 * English message. Values a planner typed or must type (ids, allowed values, field names) are quoted as they are.
 */
import type { ScenarioProblem } from '$lib/engine/scenario/parse';
import { TRIGGER_KINDS, type ProblemCode, type ProblemParams, type ReferenceKind, type ValueType } from '$lib/engine/scenario/problem-codes';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatNumber } from './format';
import { placeName } from './place-names';

type Options = { locale?: Locale } | undefined;
type Words = (inputs: never, options?: { locale?: Locale }) => string;

const REFERENCE: Record<ReferenceKind, (inputs: { value: string; inject: string }, options?: { locale?: Locale }) => string> = {
	team: m.checks_unknown_team,
	objective: m.checks_unknown_objective,
	entity: m.checks_unknown_entity,
	area: m.checks_unknown_area,
	inject: m.checks_unknown_inject,
	option: m.checks_unknown_option
};

const VALUE_TYPE: Record<ValueType, (inputs: object, options?: { locale?: Locale }) => string> = {
	text: m.checks_type_text,
	number: m.checks_type_number,
	'true-false': m.checks_type_true_false,
	list: m.checks_type_list,
	fields: m.checks_type_fields
};

const ENTITY_KIND: Record<string, (inputs: object, options?: { locale?: Locale }) => string> = {
	vessel: m.map_kind_vessel,
	aircraft: m.map_kind_aircraft,
	storm: m.map_kind_storm,
	boat: m.map_kind_boat,
	port: m.map_kind_port,
	shelter: m.map_kind_shelter
};

/** Messages that take the problem's params as they are (strings quoted as typed, numbers formatted). */
const PLAIN: Partial<Record<ProblemCode, Words>> = {
	missing: m.checks_missing,
	'not-whole': m.checks_not_whole,
	empty: m.checks_empty,
	'too-short': m.checks_too_short,
	'too-long': m.checks_too_long,
	'too-small': m.checks_too_small,
	'too-large': m.checks_too_large,
	'must-exceed': m.checks_must_exceed,
	'must-be-below': m.checks_must_be_below,
	'not-one-of': m.checks_not_one_of,
	'bad-id': m.checks_bad_id,
	'bad-colour': m.checks_bad_colour,
	'bad-position': m.checks_bad_position,
	'bad-format': m.checks_bad_format,
	'unknown-trigger': m.checks_unknown_trigger,
	'mixed-trigger': m.checks_mixed_trigger,
	invalid: m.checks_invalid,
	'duplicate-id': m.checks_duplicate_id,
	'reserved-id': m.checks_reserved_id,
	'needs-one-of': m.checks_needs_one_of,
	'asset-needs-team': m.checks_asset_needs_team,
	'more-minors-than-people': m.checks_more_minors_than_people,
	'more-unaccompanied-than-minors': m.checks_more_unaccompanied_than_minors,
	'needs-displacement': m.checks_needs_displacement,
	'after-end': m.checks_after_end,
	'needs-destination': m.checks_needs_destination,
	'needs-capacity': m.checks_needs_capacity,
	'needs-state': m.checks_needs_state,
	'over-max-staff': m.checks_over_max_staff,
	'track-order': m.checks_track_order,
	'no-decision': m.checks_no_decision,
	'nothing-to-miss': m.checks_nothing_to_miss,
	'self-trigger': m.checks_self_trigger,
	'already-receives': m.checks_already_receives,
	'deadline-before-expected': m.checks_deadline_before_expected,
	'decider-not-addressed': m.checks_decider_not_addressed,
	'no-points': m.checks_no_points,
	unreachable: m.checks_unreachable,
	'id-fixed': m.checks_id_fixed
};

const str = (v: string | number | undefined) => (v === undefined ? '' : String(v));

/** Params as a message takes them: numbers in the reader's format ("2,5" in French), strings as they are. */
function formatted(params: ProblemParams, locale?: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' ? formatNumber(v, { maximumFractionDigits: 1 }, locale) : v;
	return out;
}

const kindWord = (kind: string | number | undefined, o: Options) => {
	const words = ENTITY_KIND[str(kind)];
	return words ? words({}, o) : str(kind);
};

/** What is wrong, in `locale` or the reader's language. */
export function problemText(problem: Pick<ScenarioProblem, 'code' | 'params' | 'message'>, locale?: Locale): string {
	const code = problem.code;
	if (!code) return problem.message;
	const o: Options = locale ? { locale } : undefined;
	const raw = problem.params ?? {};
	const p = formatted(raw, locale);
	const count = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v) || 0);
	switch (code) {
		case 'wrong-type': {
			const words = VALUE_TYPE[raw.expected as ValueType];
			return m.checks_wrong_type({ expected: words ? words({}, o) : str(raw.expected) }, o);
		}
		case 'too-few':
			return m.checks_too_few({ count: count(raw.limit), limit: p.limit ?? '' }, o);
		case 'too-many':
			return m.checks_too_many({ count: count(raw.limit), limit: p.limit ?? '' }, o);
		case 'unknown-field':
			return m.checks_unknown_field({ count: count(raw.count ?? 1), keys: str(raw.keys) }, o);
		case 'other-kind-field':
			return m.checks_other_kind_field(
				{
					field: str(raw.field),
					kinds: str(raw.kinds)
						.split(', ')
						.map((k) => kindWord(k, o))
						.join(', '),
					kind: kindWord(raw.kind, o)
				},
				o
			);
		case 'unknown-ref': {
			const words = REFERENCE[raw.what as ReferenceKind];
			return words ? words({ value: str(raw.value), inject: str(raw.inject) }, o) : problem.message;
		}
		case 'not-a-port':
			return m.checks_not_a_port({ value: str(raw.value), kind: kindWord(raw.kind, o) }, o);
		case 'on-land':
			return m.checks_on_land({ state: placeName(str(raw.state), locale ?? getLocale()), depth: p.depth ?? '' }, o);
		case 'leg-on-land':
			return m.checks_leg_on_land({ state: placeName(str(raw.state), locale ?? getLocale()), from: p.from ?? '', to: p.to ?? '' }, o);
		case 'unknown-state':
			return raw.suggestion !== undefined
				? m.checks_unknown_state_suggest({ value: str(raw.value), suggestion: str(raw.suggestion) }, o)
				: m.checks_unknown_state({ value: str(raw.value) }, o);
		default: {
			const words = PLAIN[code];
			// Missing params read as empty rather than as "undefined" (a problem from an older or newer server).
			const inputs = new Proxy(p, { get: (target, key: string) => target[key] ?? '' });
			return words ? words(inputs as never, o) : problem.message;
		}
	}
}

/** The lists of a scenario, the words for one of their items, and the field that names it to people. */
const LISTS: Record<string, { words: (inputs: { number: string }, options?: { locale?: Locale }) => string; label: string }> = {
	teams: { words: m.checks_place_team, label: 'name' },
	objectives: { words: m.checks_place_objective, label: 'name' },
	entities: { words: m.checks_place_entity, label: 'name' },
	areas: { words: m.checks_place_area, label: 'name' },
	injects: { words: m.checks_place_inject, label: 'title' }
};
const NESTED: Record<string, { words: (inputs: { number: string }, options?: { locale?: Locale }) => string; label?: string }> = {
	options: { words: m.checks_place_option, label: 'label' },
	track: { words: m.checks_place_point },
	shareWith: { words: m.checks_place_hand_off },
	polygon: { words: m.checks_place_corner }
};

/**
 * Where a problem is, in words ("Inject 4 (“Radar contact”) › trigger › waters"): items of the scenario's lists by
 * their number (an inject's own `number` when it has one), and by their title or name when `data` (the draft as
 * plain data) is given; fields by their names. A problem in a translation file names that file first.
 */
export function problemPlace(problem: Pick<ScenarioProblem, 'at' | 'path' | 'file'>, data?: unknown, locale?: Locale): string {
	const o: Options = locale ? { locale } : undefined;
	const at = problem.at;
	const prefix = problem.file ? `${problem.file}: ` : '';
	if (!at) return prefix + problem.path;
	if (at.length === 0) return prefix + m.checks_place_scenario({}, o);
	const parts: string[] = [];
	let here: unknown = data;
	const child = (key: string | number) => (here !== null && typeof here === 'object' ? (here as Record<string | number, unknown>)[key] : undefined);
	const named = (item: string, value: unknown, field: string | undefined) => {
		const name = field && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[field] : undefined;
		return typeof name === 'string' && name.trim() ? m.checks_place_named({ item, name: name.trim() }, o) : item;
	};
	for (let i = 0; i < at.length; i++) {
		const key = at[i]!;
		const next = at[i + 1];
		const list = typeof key === 'string' ? (i === 0 ? LISTS[key] : NESTED[key]) : undefined;
		if (list && typeof next === 'number') {
			const item = child(key) !== undefined ? (child(key) as Record<number, unknown>)[next] : undefined;
			const own = key === 'injects' && item !== null && typeof item === 'object' ? (item as { number?: unknown }).number : undefined;
			const number = formatNumber(typeof own === 'number' ? own : next + 1, {}, locale);
			parts.push(named(list.words({ number }, o), item, list.label));
			here = item;
			i++;
			continue;
		}
		// A trigger's kind is the trigger editor's choice, not a field: "trigger › waters", not "trigger › intercept › waters".
		if (typeof key === 'string' && at[i - 1] === 'trigger' && TRIGGER_KINDS.includes(key) && next !== undefined) {
			here = child(key);
			continue;
		}
		parts.push(typeof key === 'number' ? m.checks_place_entry({ number: formatNumber(key + 1, {}, locale) }, o) : key);
		here = child(key);
	}
	return prefix + parts.join(' › ');
}
