/**
 * Scenario problems in the reader's language: what is wrong, from the problem's code and params
 * (`engine/scenario/problem-codes.ts`), and where, as people name things ("Inject 4 (“Radar contact”) › trigger ›
 * which waters") rather than as a path. A problem without a code (a YAML syntax error, an older server) reads as its
 * English message. Values a planner typed or must type (ids, allowed values, field names in what is wrong) are quoted
 * as they are; the fields of a place are named as the studio's forms name them ("Map item 2 › top speed").
 */
import type { ScenarioProblem } from '$lib/engine/scenario/parse';
import { TRIGGER_KINDS, type ProblemCode, type ProblemParams, type ReferenceKind, type ValueType } from '$lib/engine/scenario/problem-codes';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatNumber } from './format';
import { LANGUAGE_NAMES } from './languages';
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

type FieldWords = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/**
 * Every key of the scenario format (`engine/scenario/schema.ts`) in words, lower-case as they continue a place, as
 * the studio's forms label the field ("speedKnots" is "top speed", a track point's "at" its "minute"). A key that
 * is not here (a new one, a typo) reads as it is written.
 */
export const FIELD_WORDS: Readonly<Record<string, FieldWords>> = {
	// The scenario's own fields and blocks
	id: m.checks_field_id,
	title: m.checks_field_title,
	summary: m.checks_field_summary,
	language: m.checks_field_language,
	translations: m.checks_field_translations,
	kind: m.checks_field_kind,
	durationMinutes: m.checks_field_duration_minutes,
	overview: m.checks_field_overview,
	map: m.checks_field_map,
	teams: m.checks_field_teams,
	objectives: m.checks_field_objectives,
	entities: m.checks_field_entities,
	areas: m.checks_field_areas,
	displacement: m.checks_field_displacement,
	injects: m.checks_field_injects,
	// overview, map, displacement
	scope: m.checks_field_scope,
	missionAreas: m.checks_field_mission_areas,
	threatOrHazard: m.checks_field_threat_or_hazard,
	sponsor: m.checks_field_sponsor,
	pointOfContact: m.checks_field_point_of_contact,
	center: m.checks_field_center,
	zoom: m.checks_field_zoom,
	bounds: m.checks_field_bounds,
	screeningPerStaffHour: m.checks_field_screening_per_staff_hour,
	// teams and objectives
	name: m.checks_field_name,
	agency: m.checks_field_agency,
	state: m.checks_field_state,
	color: m.checks_field_color,
	capability: m.checks_field_capability,
	description: m.checks_field_description,
	// map items of every kind, their track points, areas
	category: m.checks_field_category,
	team: m.checks_field_team,
	visibility: m.checks_field_visibility,
	capacity: m.checks_field_capacity,
	track: m.checks_field_track,
	open: m.checks_field_open,
	staff: m.checks_field_staff,
	maxStaff: m.checks_field_max_staff,
	speedKnots: m.checks_field_speed_knots,
	enduranceHours: m.checks_field_endurance_hours,
	sensorRangeNm: m.checks_field_sensor_range_nm,
	people: m.checks_field_people,
	total: m.checks_field_total,
	minors: m.checks_field_minors,
	unaccompaniedMinors: m.checks_field_unaccompanied_minors,
	destination: m.checks_field_destination,
	distressAt: m.checks_field_distress_at,
	windRadiiNm: m.checks_field_wind_radii_nm,
	hurricane: m.checks_field_hurricane,
	tropicalStorm: m.checks_field_tropical_storm,
	stormCategory: m.checks_field_storm_category,
	at: m.checks_field_at,
	position: m.checks_field_position,
	polygon: m.checks_field_polygon,
	circle: m.checks_field_circle,
	radiusNm: m.checks_field_radius_nm,
	// injects
	number: m.checks_field_number,
	trigger: m.checks_field_trigger,
	from: m.checks_field_from,
	to: m.checks_field_to,
	channel: m.checks_field_channel,
	body: m.checks_field_body,
	expectedAction: m.checks_field_expected_action,
	controllerNote: m.checks_field_controller_note,
	reveals: m.checks_field_reveals,
	shareWith: m.checks_field_share_with,
	decision: m.checks_field_decision,
	// decisions, their answers, a rule an answer breaks, expected hand-offs
	prompt: m.checks_field_prompt,
	expectedWithinMinutes: m.checks_field_expected_within_minutes,
	deadlineMinutes: m.checks_field_deadline_minutes,
	options: m.checks_field_options,
	label: m.checks_field_label,
	scores: m.checks_field_scores,
	feedback: m.checks_field_feedback,
	violation: m.checks_field_violation,
	rule: m.checks_field_rule,
	objective: m.checks_field_objective,
	penalty: m.checks_field_penalty,
	withinMinutes: m.checks_field_within_minutes,
	points: m.checks_field_points,
	// triggers: each kind (named when the kind itself is wrong) and their fields
	missed: m.checks_field_missed,
	message: m.checks_field_message,
	area: m.checks_field_area,
	intercept: m.checks_field_intercept,
	detected: m.checks_field_detected,
	alert: m.checks_field_alert,
	option: m.checks_field_option,
	delayMinutes: m.checks_field_delay_minutes,
	entity: m.checks_field_entity,
	on: m.checks_field_on,
	target: m.checks_field_target,
	waters: m.checks_field_waters,
	contact: m.checks_field_contact,
	type: m.checks_field_type
};

/** Keys their place words more exactly, by the key that holds them ('' for the scenario's own fields). */
const FIELD_WORDS_IN: Readonly<Record<string, Readonly<Record<string, FieldWords>>>> = {
	'': { id: m.checks_field_scenario_id, kind: m.checks_field_exercise_kind },
	decision: { teams: m.checks_field_deciding_teams },
	message: { from: m.checks_field_sending_team, to: m.checks_field_receiving_team },
	shareWith: { team: m.checks_field_team_to_inform },
	violation: { objective: m.checks_field_objective_it_costs }
};

/** Keys whose entries are [longitude, latitude]. */
const POSITIONS = new Set(['center', 'position']);

const own = <T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined => (table && Object.hasOwn(table, key) ? table[key] : undefined);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Where a problem is, in words ("Inject 4 (“Radar contact”) › trigger › which waters"): items of the scenario's lists
 * by their number (an inject's own `number` when it has one), and by their title or name when `data` (the draft as
 * plain data) is given; fields as the studio's forms name them (`FIELD_WORDS`), a language of `translations` by its
 * name, an objective in `scores` by its id. A problem in a translation file names that file first; a problem with
 * no `at` (from a file, as the command line reads it) is its `path`.
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
	/** The key that holds position `i` ('' at the top). */
	const holder = (i: number) => {
		for (let j = i - 1; j >= 0; j--) if (typeof at[j] === 'string') return at[j] as string;
		return '';
	};
	const fieldWords = (key: string, i: number) => {
		const parent = at[i - 1];
		if (parent === 'scores') return key; // an objective's id
		if (parent === 'translations') return own(LANGUAGE_NAMES, key) ?? key;
		const words = own(FIELD_WORDS_IN[holder(i)], key) ?? own(FIELD_WORDS, key);
		if (!words) return key;
		const text = words({}, o);
		return parts.length === 0 ? capitalised(text) : text;
	};
	const entryWords = (index: number, i: number) => {
		const ofPosition = POSITIONS.has(String(at[i - 1])) || (typeof at[i - 1] === 'number' && at[i - 2] === 'polygon');
		if (ofPosition && index === 0) return m.checks_field_longitude({}, o);
		if (ofPosition && index === 1) return m.checks_field_latitude({}, o);
		return m.checks_place_entry({ number: formatNumber(index + 1, {}, locale) }, o);
	};
	for (let i = 0; i < at.length; i++) {
		const key = at[i]!;
		const next = at[i + 1];
		const list = typeof key === 'string' ? (i === 0 ? own(LISTS, key) : own(NESTED, key)) : undefined;
		if (list && typeof next === 'number') {
			const item = child(key) !== undefined ? (child(key) as Record<number, unknown>)[next] : undefined;
			const number = key === 'injects' && item !== null && typeof item === 'object' ? (item as { number?: unknown }).number : undefined;
			parts.push(named(list.words({ number: formatNumber(typeof number === 'number' ? number : next + 1, {}, locale) }, o), item, list.label));
			here = item;
			i++;
			continue;
		}
		// A trigger's kind is the trigger editor's choice, not a field: "trigger › which waters", not "trigger › intercept › which waters".
		if (typeof key === 'string' && at[i - 1] === 'trigger' && TRIGGER_KINDS.includes(key) && next !== undefined) {
			here = child(key);
			continue;
		}
		parts.push(typeof key === 'number' ? entryWords(key, i) : fieldWords(key, i));
		here = child(key);
	}
	return prefix + parts.join(' › ');
}
