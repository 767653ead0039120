/**
 * The control room's two forms, checked in the browser before anything is sent, and a server refusal turned into
 * plain words beside the field it is about (or beside the form's button when it names no field).
 */
import { fieldProblem, plainError, type Act } from '$lib/client/plain-error';
import { MINUTE } from '$lib/engine/exercise/clock';

export interface AdHocForm {
	from: string;
	to: string[];
	channel: string;
	title: string;
	body: string;
	inMinutes: number | null;
}
export type AdHocField = 'from' | 'to' | 'title' | 'body' | 'inMinutes';

export interface AdjustmentForm {
	team: string;
	objective: string;
	points: number | null;
	reason: string;
}
export type AdjustmentField = 'team' | 'objective' | 'points' | 'reason';

/** Errors by field, plus `form` for one that belongs to no field. */
export type FormErrors<F extends string> = Partial<Record<F | 'form', string>>;

export function checkAdHoc(form: AdHocForm): FormErrors<AdHocField> {
	const errors: FormErrors<AdHocField> = {};
	if (!form.from.trim()) errors.from = 'Say who it comes from (for example “Minister of National Security”).';
	else if (form.from.trim().length > 120) errors.from = 'Keep the sender to 120 characters.';
	if (form.to.length === 0) errors.to = 'Choose at least one team to receive it.';
	if (!form.title.trim()) errors.title = 'Give it a title.';
	else if (form.title.trim().length > 160) errors.title = 'Keep the title to 160 characters.';
	if (!form.body.trim()) errors.body = 'Write what the team hears, reads or sees.';
	else if (form.body.trim().length > 5000) errors.body = 'Keep the text to 5,000 characters.';
	const m = form.inMinutes;
	if (m === null || !Number.isFinite(m) || m < 0 || m > 24 * 60) errors.inMinutes = 'Give a number of minutes from 0 (at once) to 1440.';
	return errors;
}

export function checkAdjustment(form: AdjustmentForm): FormErrors<AdjustmentField> {
	const errors: FormErrors<AdjustmentField> = {};
	if (!form.team) errors.team = 'Choose the team.';
	if (!form.objective) errors.objective = 'Choose the objective.';
	const p = form.points;
	if (p === null || !Number.isFinite(p) || p === 0) errors.points = 'Give the points to add (or take away, with a minus), not 0.';
	else if (p < -20 || p > 20) errors.points = 'Adjust by at most 20 points either way.';
	if (form.reason.trim().length < 5) errors.reason = 'Explain the adjustment in a few words: it is kept in the log.';
	return errors;
}

export const hasErrors = (errors: FormErrors<string>) => Object.keys(errors).length > 0;

/**
 * Where a refusal belongs and how to say it: a problem with one of the form's `fields` goes beside that field,
 * anything else beside the button, in plain words that name `act` when it is no known kind of failure
 * (`$lib/client/plain-error`, shared with every page).
 */
export function placeRefusal<F extends string>(failure: unknown, fields: readonly F[], act: Act): FormErrors<F> {
	const problem = fieldProblem(failure);
	if (problem && (fields as readonly string[]).includes(problem.field)) return { [problem.field]: problem.text } as FormErrors<F>;
	return { form: plainError(failure, act) } as FormErrors<F>;
}

/** "in 4 min", "in 40 s", "now": how soon, exercise time, for the MSEL and the board. */
export function formatIn(ms: number): string {
	if (ms < 1000) return 'now';
	if (ms < MINUTE) return `in ${Math.ceil(ms / 1000)} s`;
	return `in ${Math.ceil(ms / MINUTE)} min`;
}

/** "4 min", "40 s": a duration, exercise time, short. */
export function formatShort(ms: number): string {
	if (ms < MINUTE) return `${Math.max(0, Math.floor(ms / 1000))} s`;
	const m = Math.floor(ms / MINUTE);
	return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
}
