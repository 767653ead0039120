/**
 * The import page's words for what the sheet mapper names by code: the fields a column can hold, and each row
 * problem with its facts, in the reader's language.
 */
import {
	optionOf,
	translationOf,
	type InjectField,
	type DecisionField,
	type RowProblem,
	type RowProblemCode,
	type SheetField
} from '$lib/engine/formats/sheet-mapping';
import { formatNumber } from '$lib/i18n/format';
import { LANGUAGE_NAMES } from '$lib/i18n/languages';
import { channelWord } from '$lib/i18n/words';
import { m } from '$lib/paraglide/messages';

const FIELD: Record<InjectField | DecisionField, () => string> = {
	number: () => m.studioimport_field_number(),
	time: () => m.studioimport_field_time(),
	trigger: () => m.studioimport_field_trigger(),
	teams: () => m.studioimport_field_teams(),
	channel: () => m.studioimport_field_channel(),
	from: () => m.studioimport_field_from(),
	title: () => m.studioimport_field_title(),
	body: () => m.studioimport_field_body(),
	expectedAction: () => m.studioimport_field_expected_action(),
	objectives: () => m.studioimport_field_objectives(),
	controllerNote: () => m.studioimport_field_controller_note(),
	injectId: () => m.studioimport_field_inject_id(),
	decision: () => m.studioimport_field_decision(),
	decisionExpected: () => m.studioimport_field_decision_expected(),
	decisionDeadline: () => m.studioimport_field_decision_deadline()
};

/** What a column holds, in words ("Option 2 points", "Title in French"). */
export function fieldLabel(field: SheetField | null): string {
	if (field === null) return m.studioimport_field_none();
	const option = optionOf(field);
	if (option) {
		const n = option.n;
		if (option.part === 'scores') return m.studioimport_field_option_scores({ n });
		if (option.part === 'feedback') return m.studioimport_field_option_feedback({ n });
		return m.studioimport_field_option_label({ n });
	}
	const translation = translationOf(field);
	if (translation) return m.studioimport_field_translation({ field: fieldLabel(translation.field), language: LANGUAGE_NAMES[translation.language] });
	return FIELD[field as InjectField | DecisionField]();
}

const MISSING: Partial<Record<SheetField, () => string>> = {
	title: () => m.studioimport_missing_title(),
	time: () => m.studioimport_missing_time(),
	teams: () => m.studioimport_missing_teams(),
	body: () => m.studioimport_missing_body(),
	from: () => m.studioimport_missing_from(),
	channel: () => m.studioimport_missing_channel()
};

const text = (p: RowProblem['params'], key: string) => String(p[key] ?? '');
const num = (p: RowProblem['params'], key: string) => Number(p[key] ?? 0);

const PROBLEM: Record<RowProblemCode, (p: RowProblem['params'], field: SheetField | undefined) => string> = {
	missing: (_, field) => (field && MISSING[field] ? MISSING[field]() : fieldLabel(field ?? null)),
	'title-from-body': (p) => m.studioimport_problem_title_from_body({ title: text(p, 'title') }),
	'bad-time': (p) => m.studioimport_problem_bad_time({ text: text(p, 'text') }),
	'before-start': (p) => m.studioimport_problem_before_start({ text: text(p, 'text') }),
	'bad-number': (p) => m.studioimport_problem_bad_number({ text: text(p, 'text') }),
	'duplicate-number': (p) => m.studioimport_problem_duplicate_number({ number: num(p, 'number') }),
	'unknown-channel': (p) => m.studioimport_problem_unknown_channel({ text: text(p, 'text'), used: channelWord(text(p, 'used')) }),
	'time-and-trigger': (p) => m.studioimport_problem_time_and_trigger({ text: text(p, 'text') }),
	'bad-trigger': (p) => m.studioimport_problem_bad_trigger({ text: text(p, 'text') }),
	'unknown-event': (p) => m.studioimport_problem_unknown_event({ number: num(p, 'number') }),
	'not-a-decision': (p) => m.studioimport_problem_not_a_decision({ number: num(p, 'number') }),
	'unknown-option': (p) => m.studioimport_problem_unknown_option({ number: num(p, 'number'), option: text(p, 'option') }),
	'self-trigger': () => m.studioimport_problem_self_trigger(),
	'trigger-excluded': (p) => m.studioimport_problem_trigger_excluded({ row: num(p, 'row') }),
	'options-without-prompt': () => m.studioimport_problem_options_without_prompt(),
	'few-options': (p) => m.studioimport_problem_few_options({ count: num(p, 'count') }),
	'option-without-label': (p) => m.studioimport_problem_option_without_label({ option: num(p, 'option') }),
	'bad-scores': (p) => m.studioimport_problem_bad_scores({ option: num(p, 'option') }),
	'score-range': (p) =>
		m.studioimport_problem_score_range({ option: num(p, 'option'), points: formatNumber(num(p, 'points')), objective: text(p, 'objective') }),
	'score-needs-objective': (p) => m.studioimport_problem_score_needs_objective({ option: num(p, 'option') }),
	'bad-minutes': (p, field) => m.studioimport_problem_bad_minutes({ text: text(p, 'text'), field: fieldLabel(field ?? null) }),
	'default-deadline': (p) => m.studioimport_problem_default_deadline({ minutes: formatNumber(num(p, 'minutes')) }),
	'deadline-before-expected': (p) =>
		m.studioimport_problem_deadline_before_expected({ deadline: formatNumber(num(p, 'deadline')), expected: formatNumber(num(p, 'expected')) }),
	'unconfirmed-team': (p) => m.studioimport_problem_unconfirmed_team({ name: text(p, 'name') }),
	'unconfirmed-objective': (p) => m.studioimport_problem_unconfirmed_objective({ name: text(p, 'name') })
};

/** A row problem in the reader's words. */
export const problemWords = (problem: RowProblem): string => PROBLEM[problem.code](problem.params, problem.field);

/** A spreadsheet's column letter: A … Z, AA, AB … */
export function columnLetter(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		out = String.fromCharCode(65 + r) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}
