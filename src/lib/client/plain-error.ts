/**
 * A failed request said in plain words to the person who made it: what went wrong when it is a known kind of
 * failure (the server out of reach, a wrong code, not signed in, too many tries, …), and otherwise that the act
 * they tried did not work. Never the server's own wording, which is written for developers ("exercise:create:
 * payload.scenarioId: …") and cannot be translated.
 *
 * Two steps, kept apart on purpose: `failureOf` works out which kind of failure it was, today from the server's
 * English message (RULES); when the server sends an error code with parameters, `failureOf` reads the code
 * instead and nothing else changes. Every reader-facing sentence is in WORDS, FIELD_WORDS and ACTS below, whole
 * sentences with named parameters, ready to become message-catalogue entries.
 */

/** The kinds of failure a person can do something about, each worded once in WORDS. */
export type FailureKind =
	| 'timeout'
	| 'unreachable'
	| 'not-signed-in'
	| 'other-exercise'
	| 'controller-only'
	| 'reviewer-only'
	| 'team-only'
	| 'observer-export'
	| 'review-closed'
	| 'unknown-exercise'
	| 'unknown-scenario'
	| 'wrong-code'
	| 'wrong-key'
	| 'locked-browser'
	| 'locked-network'
	| 'rate-limited'
	| 'not-started'
	| 'paused'
	| 'over'
	| 'already-done';

/** What went wrong: a known kind (with the seconds to wait, where the server gave them), or null when it is not one. */
export interface Failure {
	kind: FailureKind | null;
	seconds?: number;
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
	| 'delete-note';

const WORDS: Record<FailureKind, (p: { seconds: number }) => string> = {
	timeout: () => 'The server did not answer in time. Check the connection and try again.',
	unreachable: () => 'The server cannot be reached. Check the network connection; the page keeps trying to reconnect.',
	'not-signed-in': () => 'You are not signed in, or your sign-in has run out. Go to the start page and join again with your code.',
	'other-exercise': () => 'You are signed in to another exercise. Sign in again with a code for this one.',
	'controller-only': () => 'Only an exercise controller can do this: sign in again with the controller key.',
	'reviewer-only': () => 'Only evaluators and exercise controllers can do this.',
	'team-only': () => 'Only the members of a team can do this.',
	'observer-export': () => 'Observers cannot download the exercise files.',
	'review-closed': () => 'The review is not open to teams yet: ask your controller.',
	'unknown-exercise': () => 'This exercise is not on the server (it may have been removed). Go back to the list of exercises and choose it again.',
	'unknown-scenario': () => 'This scenario is no longer loaded on the server. Reload the page to see the scenarios there are.',
	'wrong-code': () => 'That join code was not recognised. Check it with your controller and type it again.',
	'wrong-key': () => 'That controller key is not right. It is printed in the server’s log when the server starts.',
	'locked-browser': ({ seconds }) => `Too many wrong codes or keys from this browser. Wait ${seconds} seconds, then try again.`,
	'locked-network': ({ seconds }) => `Too many wrong codes or keys from your network. Wait ${seconds} seconds, then try again.`,
	'rate-limited': ({ seconds }) => `Too many requests in a short time. Wait ${seconds} seconds, then try again.`,
	'not-started': () => 'The exercise has not started yet, so this cannot be done now.',
	paused: () => 'Play is paused, so this cannot be done now. Resume the exercise first.',
	over: () => 'Play has ended or is not running, so this cannot be done now.',
	'already-done': () => 'This has already been done, perhaps by another controller: the page now shows where it stands.'
};

/** A failure of no known kind: that this act did not work, and what to try. */
const ACTS: Record<Act, string> = {
	'load-list': 'The scenarios and exercises could not be loaded. Reload the page to try again.',
	create: 'The exercise could not be created. Try again; if it fails again, tell whoever runs the server.',
	join: 'Joining the exercise did not work. Check the code and try again.',
	'sign-in': 'Signing in to the control room did not work. Try again.',
	open: 'This exercise could not be opened. Reload the page to try again.',
	history: 'The earlier runs of this scenario could not be loaded. Open the History tab again to retry.',
	export: 'The file could not be downloaded. Try again.',
	start: 'The exercise could not be started. Try again.',
	pause: 'The exercise could not be paused. Try again.',
	resume: 'The exercise could not be resumed. Try again.',
	end: 'The exercise could not be ended. Try again.',
	close: 'The evaluation could not be closed. Try again.',
	speed: 'The clock speed could not be changed. Try again.',
	inject: 'The change to this inject was not made. Try again.',
	'add-inject': 'The inject could not be sent. Try again.',
	'adjust-score': 'The score could not be adjusted. Try again.',
	'share-review': 'The review could not be shared or unshared. Try again.',
	'answer-message': 'The message could not be marked as answered. Try again.',
	team: 'The change for this team was not made. Try again.',
	'edit-note': 'The note could not be saved. Try again.',
	'delete-note': 'The note could not be deleted. Try again.'
};

/** Why the server refused one field of a form, in words; `other` for a reason not listed. */
const FIELD_WORDS = {
	empty: 'This cannot be empty.',
	'no-team': 'Choose at least one team.',
	other: 'The server did not accept this value: check it and try again.'
} as const;

/**
 * The server's messages today, by kind, the more specific first: "too many failed attempts from this browser"
 * comes before "too many", "that exercise no longer exists" before "invalid session". The first rule that matches decides.
 */
const RULES: [RegExp, FailureKind][] = [
	[/did not answer in time/, 'timeout'],
	[/xhr poll error|websocket error|^timeout$|failed to fetch|networkerror|load failed/i, 'unreachable'],
	[/unknown exercise|exercise no longer exists/, 'unknown-exercise'],
	[/not signed in|invalid session|sign in first/, 'not-signed-in'],
	[/belongs to another exercise/, 'other-exercise'],
	[/only an exercise controller/, 'controller-only'],
	[/only evaluators and controllers/, 'reviewer-only'],
	[/only team members/, 'team-only'],
	[/observers cannot export/, 'observer-export'],
	[/review is not open to teams/, 'review-closed'],
	[/unknown scenario/, 'unknown-scenario'],
	[/unknown join code/, 'wrong-code'],
	[/wrong controller key/, 'wrong-key'],
	[/too many failed attempts from this browser/, 'locked-browser'],
	[/too many failed attempts from your network/, 'locked-network'],
	[/rate limit|too many/, 'rate-limited'],
	[/an exercise that is not started/, 'not-started'],
	[/an exercise that is paused/, 'paused'],
	[/ended|closed|not running|while running/, 'over'],
	[/already (?:released|held|decided|been answered|exists)|was skipped|has passed/, 'already-done']
];

/** Server wording for a payload problem: "inject:add: payload.inject.to: needs at least one team". */
const PAYLOAD_PROBLEM = /^[a-z:-]+: payload\.(?:inject\.)?([A-Za-z]+)[^:]*: (.*)$/;

function messageOf(failure: unknown): string {
	if (typeof failure === 'string') return failure;
	if (failure && typeof failure === 'object' && 'message' in failure) return String(failure.message);
	return '';
}

/** Which kind of failure `failure` (an Error, or the server's message) is. The one place that reads the server's wording. */
export function failureOf(failure: unknown): Failure {
	const message = messageOf(failure);
	const kind = RULES.find(([pattern]) => pattern.test(message))?.[1] ?? null;
	const wait = /try again in (\d+) s/.exec(message);
	return wait ? { kind, seconds: Number(wait[1]) } : { kind };
}

/** The sentence for a failure while doing `act`: its kind's words, or the act's own generic sentence. */
export function sayFailure({ kind, seconds }: Failure, act: Act): string {
	// A limit the server gave no wait for: the limiter's own window is ten seconds.
	return kind ? WORDS[kind]({ seconds: seconds ?? 10 }) : ACTS[act];
}

/** A failed request in plain words, for the person who was doing `act`. */
export function plainError(failure: unknown, act: Act): string {
	return sayFailure(failureOf(failure), act);
}

/**
 * The field a refused request names and why, in words, when the server refused one field of its payload
 * ("inject:add: payload.inject.title: must not be empty" → title, "This cannot be empty."); null otherwise.
 */
export function fieldProblem(failure: unknown): { field: string; text: string } | null {
	const payload = PAYLOAD_PROBLEM.exec(messageOf(failure));
	if (!payload) return null;
	const reason = payload[2];
	const text = /must not be empty/.test(reason) ? FIELD_WORDS.empty : /at least one team/.test(reason) ? FIELD_WORDS['no-team'] : FIELD_WORDS.other;
	return { field: payload[1], text };
}
