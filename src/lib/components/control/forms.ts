/**
 * The control room's two forms, checked in the browser before anything is sent, and a server refusal turned into
 * plain words beside the field it is about (or beside the form's button when it names no field).
 */
import { fieldProblem, plainError, type Act } from '$lib/client/plain-error';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

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
	if (!form.from.trim()) errors.from = m.control_check_from();
	else if (form.from.trim().length > 120) errors.from = m.control_check_from_long();
	if (form.to.length === 0) errors.to = m.control_check_to();
	if (!form.title.trim()) errors.title = m.control_check_title();
	else if (form.title.trim().length > 160) errors.title = m.control_check_title_long();
	if (!form.body.trim()) errors.body = m.control_check_body();
	else if (form.body.trim().length > 5000) errors.body = m.control_check_body_long({ max: formatNumber(5000) });
	const min = form.inMinutes;
	if (min === null || !Number.isFinite(min) || min < 0 || min > 24 * 60) errors.inMinutes = m.control_check_minutes();
	return errors;
}

export function checkAdjustment(form: AdjustmentForm): FormErrors<AdjustmentField> {
	const errors: FormErrors<AdjustmentField> = {};
	if (!form.team) errors.team = m.control_check_team();
	if (!form.objective) errors.objective = m.control_check_objective();
	const p = form.points;
	if (p === null || !Number.isFinite(p) || p === 0) errors.points = m.control_check_points();
	else if (p < -20 || p > 20) errors.points = m.control_check_points_range();
	if (form.reason.trim().length < 5) errors.reason = m.control_check_reason();
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
