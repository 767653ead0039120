/**
 * The control room's two forms, checked in the browser before anything is sent, and a server refusal turned into
 * plain words beside the field it is about (or beside the form's button when it names no field).
 */
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

/** Server wording for a payload problem: "inject:add: payload.inject.to: needs at least one team". */
const PAYLOAD_PROBLEM = /^[a-z:]+: payload\.(?:inject\.)?([A-Za-z]+)[^:]*: (.*)$/;

const PLAIN: [RegExp, string][] = [
	[/did not answer in time/, 'The server did not answer in time. Check the connection and try again.'],
	[/only an exercise controller/, 'Only an exercise controller can do this: sign in again with the controller key.'],
	[/ended|closed|not running|while running/, 'Play has ended or is not running, so this cannot be done now.'],
	[/too many/, 'Too many requests in a short time: wait a few seconds and try again.']
];

/**
 * Where a refusal belongs and how to say it: a payload problem goes beside its field (`fields` lists the ones
 * the form has), anything else beside the button, reworded when it is a known one.
 */
export function placeRefusal<F extends string>(message: string, fields: readonly F[]): FormErrors<F> {
	const payload = PAYLOAD_PROBLEM.exec(message);
	if (payload && (fields as readonly string[]).includes(payload[1])) {
		const reason = payload[2].replace(/^must not be empty$/, 'This cannot be empty.').replace(/^needs at least one team$/, 'Choose at least one team.');
		return { [payload[1]]: reason.charAt(0).toUpperCase() + reason.slice(1) } as FormErrors<F>;
	}
	const known = PLAIN.find(([pattern]) => pattern.test(message));
	if (known) return { form: known[1] } as FormErrors<F>;
	// A rule of the exercise, already in words: said as a sentence, without the event name in front.
	const text = message.replace(/^[a-z]+:[a-z:]+: /, '').replace(/^payload\.[\w.]+: /, '');
	return { form: `Not done: ${text}.`.replace(/\.\.$/, '.') } as FormErrors<F>;
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
