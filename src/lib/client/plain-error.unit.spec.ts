import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, baseLocale, locales } from '$lib/paraglide/runtime';
import { ERROR_CODES } from '$lib/realtime/errors';
import { RequestFailed } from './exercise-client';
import { failureOf, fieldProblem, plainError, sayFailure, type Act } from './plain-error';

/** Refusals as the server sends them (server/realtime/*): English message, code, parameters; what the reader sees. */
const SAID: [string, string, Record<string, string | number>, RegExp][] = [
	['not signed in: join with a code first', 'not-signed-in', {}, /^You are not signed in, or your sign-in has run out\./],
	[
		"nothing was saved: the server's disk (or the database's size limit) is full (database or disk is full)",
		'storage-full',
		{},
		/^Nothing was saved: the server's disk is full/
	],
	['nothing was saved: the database is locked by another program (database is locked)', 'storage-locked', {}, /another program is holding/],
	['nothing was saved: the database cannot be reached (read ECONNRESET)', 'storage-unavailable', {}, /^The server cannot reach its database/],
	['nothing was saved: the database reported a fault (disk I/O error)', 'storage-failed', {}, /database reported a fault/],
	['invalid session: please join again', 'not-signed-in', {}, /^You are not signed in/],
	['your session belongs to another exercise', 'other-exercise', {}, /^You are signed in to another exercise\./],
	['only an exercise controller may do this', 'controller-only', {}, /^Only an exercise controller can do this/],
	['only evaluators and controllers may do this', 'reviewer-only', {}, /^Only evaluators and exercise controllers/],
	['observers cannot export the exercise', 'observer-export', {}, /^Observers cannot download/],
	['the review is not open to teams: ask your controller', 'review-closed', {}, /^The review is not open to teams yet/],
	['unknown exercise "9f2c-41aa"', 'unknown-exercise', {}, /^This exercise is not on the server/],
	['invalid session: that exercise no longer exists', 'session-gone', {}, /^This exercise is not on the server/],
	['unknown scenario "maritime-x"', 'unknown-scenario', {}, /^This scenario is no longer loaded/],
	['unknown join code: check it with your controller', 'wrong-code', {}, /^That join code was not recognised\./],
	['wrong controller key', 'wrong-key', {}, /^That controller key is not right\./],
	[
		'too many failed attempts from this browser: try again in 42 s',
		'locked-browser',
		{ seconds: 42 },
		/^Too many wrong codes or keys from this browser\. Wait 42 seconds/
	],
	[
		'too many failed attempts from your network: try again in 7 s',
		'locked-network',
		{ seconds: 7 },
		/^Too many wrong codes or keys from your network\. Wait 7 seconds/
	],
	['rate limit: more than 60 requests in 10 s; try again in 3 s', 'rate-limited', { seconds: 3 }, /^Too many requests in a short time\. Wait 3 seconds/],
	['cannot pause an exercise that is not started', 'wrong-phase', { command: 'PAUSE', status: 'setup' }, /^The exercise has not started yet/],
	['cannot decide in an exercise that is paused', 'wrong-phase', { command: 'DECIDE', status: 'paused' }, /^Play is paused/],
	['cannot start an exercise that is ended', 'wrong-phase', { command: 'START', status: 'ended' }, /^Play has ended or is not running/],
	['inject "cargo-sighting" is already released', 'inject-released', {}, /^This has already been done, perhaps by another controller/],
	['that message has already been answered', 'message-answered', {}, /^This has already been done/],
	['"Cutter 1" cannot make 40 kn (top speed 28 kn)', 'too-fast', { asked: 40, top: 28 }, /^That is faster than this asset can go: its top speed is 28 kn\.$/],
	['your sensors lost "Go-fast" at 01:10: send …', 'contact-lost', { at: '01:10' }, /^Your sensors lost that contact at 01:10/],
	['"Shelter A" has room for at most 12 staff', 'facility-max-staff', { max: 12 }, /at most 12 staff/]
];

afterEach(() => overwriteGetLocale(() => baseLocale));

describe('plain words for a failed request', () => {
	it.each(SAID)('words “%s” by its code, without the server’s English', (message, code, params, words) => {
		const text = plainError(new RequestFailed(message, code, params), 'create');
		expect(text).toMatch(words);
		expect(text).not.toContain(message);
		expect(text).not.toMatch(/"|payload|session token/);
	});

	it('recognises failures that never reached the server by the browser’s own words', () => {
		expect(plainError(new RequestFailed('the server did not answer in time', 'timeout'), 'end')).toMatch(
			/^The server did not answer in time\. Check the connection/
		);
		for (const said of ['xhr poll error', 'websocket error', 'Failed to fetch'])
			expect(plainError(new Error(said), 'open')).toMatch(/^The server cannot be reached\./);
	});

	it('reads the code of a refused handshake (socket.io puts it in `data`) and of a reply body', () => {
		expect(plainError(Object.assign(new Error('invalid session: please join again'), { data: { code: 'not-signed-in' } }), 'open')).toMatch(
			/^You are not signed in/
		);
		expect(plainError({ error: 'observers cannot export the exercise', code: 'observer-export' }, 'export')).toMatch(/^Observers cannot download/);
	});

	it('turns a developer’s refusal or an unknown message into a sentence naming the act, never the raw text', () => {
		const raw = 'exercise:create: payload.scenarioId: String must contain at most 80 character(s)';
		expect(plainError(new RequestFailed(raw, 'invalid-payload', { field: 'scenarioId', reason: 'other' }), 'create')).toBe(
			'The exercise could not be created. Try again; if it fails again, tell whoever runs the server.'
		);
		expect(plainError(new RequestFailed('exercise:control: internal error', 'internal'), 'end')).toBe('The exercise could not be ended. Try again.');
		expect(plainError(new Error('export failed (502)'), 'export')).toBe('The file could not be downloaded. Try again.');
		expect(plainError(new RequestFailed('unknown event "exercise:nuke"', 'unknown-event'), 'join')).toBe(
			'Joining the exercise did not work. Check the code and try again.'
		);
		expect(plainError(new RequestFailed('inject "x" is already held', 'no-such-code'), 'inject')).toBe('The change to this inject was not made. Try again.');
		for (const act of ['load-list', 'open', 'history', 'delete-note', 'speed', 'decide', 'task'] as const) {
			const text = plainError(new Error('TypeError: Cannot read properties of undefined (reading "id")'), act);
			expect(text).not.toMatch(/TypeError|undefined|reading/);
			expect(text).toMatch(/^(?:The|This|Your) .+ could not be .+\. .+\.$/);
		}
	});

	it('is never empty, whatever it is given', () => {
		expect(plainError(undefined, 'sign-in')).toBe('Signing in to the control room did not work. Try again.');
		expect(plainError(null, 'load-list')).toMatch(/could not be loaded/);
		expect(plainError('wrong controller key', 'sign-in')).toBe('Signing in to the control room did not work. Try again.');
	});

	it('works out the code and parameters first, then words them', () => {
		expect(failureOf(new RequestFailed('too many failed attempts from this browser: try again in 42 s', 'locked-browser', { seconds: 42 }))).toEqual({
			code: 'locked-browser',
			params: { seconds: 42 }
		});
		expect(failureOf(new Error('something new'))).toEqual({ code: null, params: {} });
		expect(sayFailure({ code: 'rate-limited', params: { seconds: 5 } }, 'create')).toBe('Too many requests in a short time. Wait 5 seconds, then try again.');
		// A limit with no wait given: the limiter's window of ten seconds.
		expect(sayFailure({ code: 'rate-limited', params: {} }, 'create')).toMatch(/Wait 10 seconds/);
		expect(sayFailure({ code: null, params: {} }, 'close')).toBe('The evaluation could not be closed. Try again.');
	});

	it('names the field of a payload problem and says why in words', () => {
		const refused = (field: string, reason: string) => new RequestFailed('inject:add: …', 'invalid-payload', { field, reason });
		expect(fieldProblem(refused('to', 'no-team'))).toEqual({ field: 'to', text: 'Choose at least one team.' });
		expect(fieldProblem(refused('title', 'empty'))).toEqual({ field: 'title', text: 'This cannot be empty.' });
		expect(fieldProblem(refused('inMinutes', 'other'))).toEqual({ field: 'inMinutes', text: 'The server did not accept this value: check it and try again.' });
		expect(fieldProblem(new RequestFailed('unknown team "x"', 'unknown-team'))).toBeNull();
	});

	it('says every failure in every language, with its parameters filled in and no English left behind', () => {
		const acts: Act[] = ['create', 'task'];
		const english = new Map<string, string>();
		for (const locale of locales) {
			overwriteGetLocale(() => locale);
			for (const code of [...ERROR_CODES, 'timeout', 'unreachable'])
				for (const act of acts) {
					const text = plainError(new RequestFailed('x', code, { seconds: 42, max: 12, top: 28, at: '01:10', status: 'paused' }), act);
					expect(text, `${locale} ${code}`).not.toMatch(/\{\w+\}|undefined|NaN/);
					if (locale === baseLocale) english.set(`${code}/${act}`, text);
					else expect(text, `${locale} ${code} is still English`).not.toBe(english.get(`${code}/${act}`));
				}
		}
	});
});
