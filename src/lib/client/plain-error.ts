/**
 * A failed request said in plain words, in the reader's language, to the person who made it: what went wrong when
 * it is a kind of failure they can do something about (the server out of reach, a wrong code, not signed in, too
 * many tries, play paused, an asset too slow, …), and otherwise that the act they tried did not work. Never the
 * server's own English, which is written for logs and developers.
 *
 * Two steps, kept apart: `failureOf` reads the code and parameters the server sent with its refusal (see
 * `src/lib/realtime/errors.ts`), or recognises a failure that never reached the server (no answer, no network);
 * `sayFailure` words it from the `errors` message catalogue.
 */
import { m } from '$lib/paraglide/messages';
import { isErrorCode, type ErrorCode, type ErrorParams } from '$lib/realtime/errors';
import { formatKnots } from '$lib/i18n/format';

/** Failures the browser itself sees, besides the codes the server sends. */
export type FailureCode = ErrorCode | 'timeout' | 'unreachable';

/** What went wrong: a code (null when it is not known) and the parameters the server gave with it. */
export interface Failure {
	code: FailureCode | null;
	params: ErrorParams;
}

/** What the person was doing: the generic sentence for a failure of no known kind names it (ACTS). */
export type Act =
	| 'load-list'
	| 'create'
	| 'join'
	| 'sign-in'
	| 'open'
	| 'history'
	| 'export'
	| 'start'
	| 'pause'
	| 'resume'
	| 'end'
	| 'close'
	| 'speed'
	| 'inject'
	| 'add-inject'
	| 'adjust-score'
	| 'share-review'
	| 'answer-message'
	| 'team'
	| 'edit-note'
	| 'delete-note'
	| 'decide'
	| 'task'
	| 'message'
	| 'facility'
	| 'rate'
	| 'save-text'
	| 'observe'
	| 'word-report'
	| 'save-scenario'
	| 'rotate-code'
	| 'remove-member'
	| 'dry-run'
	| 'delete-exercise'
	| 'anonymise';

type Words = (p: ErrorParams) => string;
const seconds = (p: ErrorParams) => ({ seconds: Number(p.seconds ?? 10) });
const alreadyDone: Words = () => m.errors_already_done();

/** The sentence for each code a person can act on; codes not here (a developer's mistake) get the act's sentence. */
const WORDS: Partial<Record<FailureCode, Words>> = {
	timeout: () => m.errors_timeout(),
	unreachable: () => m.errors_unreachable(),
	'owner-unreachable': () => m.errors_owner_unreachable(),
	'shutting-down': () => m.errors_shutting_down(),
	'not-saved': () => m.errors_not_saved(),
	'storage-full': () => m.errors_storage_full(),
	'storage-locked': () => m.errors_storage_locked(),
	'storage-unavailable': () => m.errors_storage_unavailable(),
	'storage-failed': () => m.errors_storage_failed(),
	'not-signed-in': () => m.errors_not_signed_in(),
	'other-exercise': () => m.errors_other_exercise(),
	'controller-only': () => m.errors_controller_only(),
	'reviewer-only': () => m.errors_reviewer_only(),
	'team-only': () => m.errors_team_only(),
	'observer-export': () => m.errors_observer_export(),
	'review-closed': () => m.errors_review_closed(),
	'unknown-exercise': () => m.errors_unknown_exercise(),
	'session-gone': () => m.errors_unknown_exercise(),
	'session-revoked': ({ reason }) => (reason === 'signed-out' ? m.errors_session_revoked_signed_out() : m.errors_session_revoked_removed()),
	'member-gone': () => m.errors_member_gone(),
	'already-removed': alreadyDone,
	'unknown-scenario': () => m.errors_unknown_scenario(),
	'wrong-code': () => m.errors_wrong_code(),
	'wrong-key': () => m.errors_wrong_key(),
	'locked-browser': (p) => m.errors_locked_browser(seconds(p)),
	'locked-network': (p) => m.errors_locked_network(seconds(p)),
	'rate-limited': (p) => m.errors_rate_limited(seconds(p)),
	'wrong-phase': ({ status }) => (status === 'setup' ? m.errors_not_started() : status === 'paused' ? m.errors_paused() : m.errors_over()),
	'inject-released': alreadyDone,
	'inject-skipped': alreadyDone,
	'inject-held': alreadyDone,
	'inject-not-held': alreadyDone,
	'inject-exists': alreadyDone,
	'message-answered': alreadyDone,
	'already-decided': () => m.errors_already_decided(),
	'deadline-passed': () => m.errors_deadline_passed(),
	'inject-waiting': () => m.errors_inject_waiting(),
	'not-played-by-control': () => m.errors_not_played_by_control(),
	'message-to-self': () => m.errors_message_to_self(),
	'inject-not-received': () => m.errors_inject_not_received(),
	'facility-other-team': () => m.errors_facility_other_team(),
	'facility-max-staff': ({ max }) => m.errors_facility_max_staff({ max: Number(max) }),
	'asset-other-team': () => m.errors_asset_other_team(),
	'not-taskable': () => m.errors_not_taskable(),
	'too-fast': ({ top }) => m.errors_too_fast({ top: formatKnots(Number(top)) }),
	'no-endurance': () => m.errors_no_endurance(),
	'no-contact': () => m.errors_no_contact(),
	'contact-lost': ({ at }) => m.errors_contact_lost({ at: String(at) }),
	'self-intercept': () => m.errors_self_intercept(),
	'scenario-read-only': () => m.errors_scenario_read_only(),
	'scenario-id-fixed': ({ key }) => m.errors_scenario_id_fixed({ key: String(key ?? '') }),
	'scenario-not-ready': ({ count }) => m.errors_scenario_not_ready({ count: Number(count ?? 0) }),
	'scenario-archived': () => m.errors_scenario_archived(),
	'exercise-in-play': () => m.errors_exercise_in_play(),
	'review-not-closed': () => m.errors_review_not_closed(),
	'stale-version': () => m.errors_stale_version(),
	'unknown-version': () => m.errors_unknown_version(),
	'scenario-too-large': () => m.errors_scenario_too_large(),
	'scenario-unreadable': ({ line }) => m.errors_scenario_unreadable({ line: Number(line ?? 0) }),
	'body-too-large': () => m.errors_body_too_large()
};

/** A failure of no known kind: that this act did not work, and what to try. */
const ACTS: Record<Act, () => string> = {
	'load-list': m.errors_act_load_list,
	create: m.errors_act_create,
	join: m.errors_act_join,
	'sign-in': m.errors_act_sign_in,
	open: m.errors_act_open,
	history: m.errors_act_history,
	export: m.errors_act_export,
	start: m.errors_act_start,
	pause: m.errors_act_pause,
	resume: m.errors_act_resume,
	end: m.errors_act_end,
	close: m.errors_act_close,
	speed: m.errors_act_speed,
	inject: m.errors_act_inject,
	'add-inject': m.errors_act_add_inject,
	'adjust-score': m.errors_act_adjust_score,
	'share-review': m.errors_act_share_review,
	'answer-message': m.errors_act_answer_message,
	team: m.errors_act_team,
	'edit-note': m.errors_act_edit_note,
	'delete-note': m.errors_act_delete_note,
	decide: m.errors_act_decide,
	task: m.errors_act_task,
	message: m.errors_act_message,
	facility: m.errors_act_facility,
	rate: m.errors_act_rate,
	'save-text': m.errors_act_save_text,
	observe: m.errors_act_observe,
	'word-report': m.errors_act_word_report,
	'save-scenario': m.errors_act_save_scenario,
	'rotate-code': m.errors_act_rotate_code,
	'remove-member': m.errors_act_remove_member,
	'dry-run': m.errors_act_dry_run,
	'delete-exercise': m.errors_act_delete_exercise,
	anonymise: m.errors_act_anonymise
};

/** Failures that never reached the server, known by the browser's (or socket.io's) own words. */
const LOCAL: [RegExp, FailureCode][] = [
	[/did not answer in time|^operation has timed out$/i, 'timeout'],
	[/xhr poll error|websocket error|^timeout$|failed to fetch|networkerror|load failed/i, 'unreachable']
];

function fieldOf(failure: unknown, key: string): unknown {
	if (failure && typeof failure === 'object') {
		if (key in failure) return (failure as Record<string, unknown>)[key];
		// A refused socket.io handshake carries its code in `data` (see server/realtime/index.ts).
		const data = (failure as { data?: unknown }).data;
		if (data && typeof data === 'object' && key in data) return (data as Record<string, unknown>)[key];
	}
	return undefined;
}

function messageOf(failure: unknown): string {
	if (typeof failure === 'string') return failure;
	const message = fieldOf(failure, 'message') ?? fieldOf(failure, 'error');
	return typeof message === 'string' ? message : '';
}

/** Which failure `failure` (a RequestFailed, an Error, a reply body, socket.io's connect error, a message) is. */
export function failureOf(failure: unknown): Failure {
	const code = fieldOf(failure, 'code');
	const params = fieldOf(failure, 'params');
	if (isErrorCode(code) || code === 'timeout' || code === 'unreachable')
		return { code, params: params && typeof params === 'object' ? (params as ErrorParams) : {} };
	const message = messageOf(failure);
	return { code: LOCAL.find(([pattern]) => pattern.test(message))?.[1] ?? null, params: {} };
}

/** The sentence for a failure while doing `act`: its code's words, or the act's own generic sentence. */
export function sayFailure({ code, params }: Failure, act: Act): string {
	const words = code ? WORDS[code] : undefined;
	return words ? words(params) : ACTS[act]();
}

/** A failed request in plain words, for the person who was doing `act`. */
export function plainError(failure: unknown, act: Act): string {
	return sayFailure(failureOf(failure), act);
}

/**
 * The field a refused request names and why, in words, when the server refused one field of its payload
 * (`invalid-payload` with `field` "title", `reason` "empty" → title, "This cannot be empty."); null otherwise.
 */
export function fieldProblem(failure: unknown): { field: string; text: string } | null {
	const { code, params } = failureOf(failure);
	if (code !== 'invalid-payload' || typeof params.field !== 'string' || !params.field) return null;
	const text = params.reason === 'empty' ? m.errors_field_empty() : params.reason === 'no-team' ? m.errors_field_no_team() : m.errors_field_other();
	return { field: params.field, text };
}
