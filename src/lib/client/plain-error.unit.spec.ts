import { describe, expect, it } from 'vitest';
import { RequestFailed } from './exercise-client';
import { failureOf, fieldProblem, plainError, sayFailure } from './plain-error';

/** Server wording, as the server sends it today (server/realtime/*), and what the reader sees instead. */
const SAID: [string, RegExp][] = [
	['the server did not answer in time', /^The server did not answer in time\. Check the connection/],
	['xhr poll error', /^The server cannot be reached\./],
	['websocket error', /^The server cannot be reached\./],
	['Failed to fetch', /^The server cannot be reached\./],
	['not signed in: join with a code first', /^You are not signed in, or your sign-in has run out\./],
	['invalid session: please join again', /^You are not signed in, or your sign-in has run out\./],
	['sign in first: send your session token as "Authorization: Bearer <token>"', /^You are not signed in/],
	['your session belongs to another exercise', /^You are signed in to another exercise\./],
	['only an exercise controller may do this', /^Only an exercise controller can do this/],
	['only evaluators and controllers may do this', /^Only evaluators and exercise controllers/],
	['observers cannot export the exercise', /^Observers cannot download/],
	['the review is not open to teams: ask your controller', /^The review is not open to teams yet/],
	['unknown exercise "9f2c-41aa"', /^This exercise is not on the server/],
	['invalid session: that exercise no longer exists', /^This exercise is not on the server/],
	['unknown scenario "maritime-x"', /^This scenario is no longer loaded/],
	['unknown join code: check it with your controller', /^That join code was not recognised\./],
	['wrong controller key', /^That controller key is not right\./],
	['too many failed attempts from this browser: try again in 42 s', /^Too many wrong codes or keys from this browser\. Wait 42 seconds/],
	['too many failed attempts from your network: try again in 7 s', /^Too many wrong codes or keys from your network\. Wait 7 seconds/],
	['rate limit: more than 60 requests in 10 s; try again in 3 s', /^Too many requests in a short time\. Wait 3 seconds/],
	['cannot pause an exercise that is not started', /^The exercise has not started yet/],
	['cannot decide in an exercise that is paused', /^Play is paused/],
	['cannot start an exercise that is ended', /^Play has ended or is not running/],
	['inject "cargo-sighting" is already released', /^This has already been done, perhaps by another controller/],
	['that message has already been answered', /^This has already been done/]
];

describe('plain words for a failed request', () => {
	it.each(SAID)('says “%s” in plain words, without the server’s wording', (message, words) => {
		const text = plainError(new RequestFailed(message), 'create');
		expect(text).toMatch(words);
		expect(text).not.toContain(message);
		expect(text).not.toMatch(/"|payload|session token/);
	});

	it('turns an unknown developer message into a sentence naming the act, never the raw text', () => {
		const raw = 'exercise:create: payload.scenarioId: String must contain at most 80 character(s)';
		expect(plainError(new RequestFailed(raw), 'create')).toBe('The exercise could not be created. Try again; if it fails again, tell whoever runs the server.');
		expect(plainError(new Error('exercise:control: internal error'), 'end')).toBe('The exercise could not be ended. Try again.');
		expect(plainError(new Error('export failed (502)'), 'export')).toBe('The file could not be downloaded. Try again.');
		expect(plainError(new Error('unknown event "exercise:nuke"'), 'join')).toBe('Joining the exercise did not work. Check the code and try again.');
		for (const act of ['load-list', 'open', 'history', 'delete-note', 'speed'] as const) {
			const text = plainError(new Error('TypeError: Cannot read properties of undefined (reading "id")'), act);
			expect(text).not.toMatch(/TypeError|undefined|reading/);
			expect(text).toMatch(/^(?:The|This) .+ could not be .+\. .+\.$/);
		}
	});

	it('reads an Error, the bare message or anything else, and is never empty', () => {
		expect(plainError('wrong controller key', 'sign-in')).toMatch(/controller key is not right/);
		expect(plainError({ message: 'wrong controller key' }, 'sign-in')).toMatch(/controller key is not right/);
		expect(plainError(undefined, 'sign-in')).toBe('Signing in to the control room did not work. Try again.');
		expect(plainError(null, 'load-list')).toMatch(/could not be loaded/);
	});

	it('works out the kind and the wait first, so a code from the server can replace the reading of its words', () => {
		expect(failureOf(new Error('too many failed attempts from this browser: try again in 42 s'))).toEqual({ kind: 'locked-browser', seconds: 42 });
		expect(failureOf(new Error('unknown join code: check it with your controller'))).toEqual({ kind: 'wrong-code' });
		expect(failureOf(new Error('something new'))).toEqual({ kind: null });
		expect(sayFailure({ kind: 'rate-limited', seconds: 5 }, 'create')).toBe('Too many requests in a short time. Wait 5 seconds, then try again.');
		// A limit with no wait given: the limiter's window of ten seconds.
		expect(sayFailure({ kind: 'rate-limited' }, 'create')).toMatch(/Wait 10 seconds/);
		expect(sayFailure({ kind: null }, 'close')).toBe('The evaluation could not be closed. Try again.');
	});

	it('names the field of a payload problem and says why in words', () => {
		expect(fieldProblem('inject:add: payload.inject.to: needs at least one team')).toEqual({ field: 'to', text: 'Choose at least one team.' });
		expect(fieldProblem('inject:add: payload.inject.title: must not be empty')).toEqual({ field: 'title', text: 'This cannot be empty.' });
		expect(fieldProblem('inject:add: payload.inMinutes: Too big: expected number to be <=1440')).toEqual({
			field: 'inMinutes',
			text: 'The server did not accept this value: check it and try again.'
		});
		expect(fieldProblem('score:adjust: payload.points: Invalid input; payload.reason: Too small')?.field).toBe('points');
		expect(fieldProblem('unknown team "x"')).toBeNull();
	});
});
