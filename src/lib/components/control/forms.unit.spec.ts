import { describe, expect, it } from 'vitest';
import { RequestFailed } from '$lib/client/exercise-client';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { checkAdHoc, checkAdjustment, placeRefusal } from './forms';

const adHoc = { from: 'Minister', to: ['tt-customs'], channel: 'phone', title: 'Briefing', body: 'Call back.', inMinutes: 0 };

describe('control room forms', () => {
	it('accepts a complete ad-hoc inject and names each missing field in plain words', () => {
		expect(checkAdHoc(adHoc)).toEqual({});
		const errors = checkAdHoc({ ...adHoc, from: '  ', to: [], body: '', inMinutes: -1 });
		expect(Object.keys(errors).sort()).toEqual(['body', 'from', 'inMinutes', 'to']);
		expect(errors.to).toBe('Choose at least one team to receive it.');
		expect(checkAdHoc({ ...adHoc, inMinutes: null }).inMinutes).toMatch(/0 \(at once\) to 1440/);
	});

	it('checks a score adjustment: team, objective, non-zero points within 20, a reason', () => {
		expect(checkAdjustment({ team: 'a', objective: 'b', points: -2.5, reason: 'Broke the caveat' })).toEqual({});
		expect(checkAdjustment({ team: '', objective: '', points: 0, reason: 'no' })).toEqual({
			team: 'Choose the team.',
			objective: 'Choose the objective.',
			points: 'Give the points to add (or take away, with a minus), not 0.',
			reason: 'Explain the adjustment in a few words: it is kept in the log.'
		});
		expect(checkAdjustment({ team: 'a', objective: 'b', points: 25, reason: 'Because' }).points).toMatch(/at most 20/);
	});

	it('puts a server refusal beside its field, or beside the button in plain words that name the act', () => {
		const fields = ['from', 'to', 'title', 'body', 'inMinutes'] as const;
		const refused = (field: string, reason: string) => new RequestFailed(`inject:add: payload.${field}: …`, 'invalid-payload', { field, reason });
		expect(placeRefusal(refused('to', 'no-team'), fields, 'add-inject')).toEqual({ to: 'Choose at least one team.' });
		expect(placeRefusal(refused('title', 'empty'), fields, 'add-inject')).toEqual({ title: 'This cannot be empty.' });
		expect(placeRefusal(refused('inMinutes', 'other'), fields, 'add-inject')).toEqual({
			inMinutes: 'The server did not accept this value: check it and try again.'
		});
		expect(placeRefusal('the server did not answer in time', fields, 'add-inject').form).toMatch(/did not answer in time/);
		// A field this form does not have: beside the button, in words, not the field's name.
		expect(
			placeRefusal(new RequestFailed('score:adjust: …', 'invalid-payload', { field: 'exerciseId', reason: 'other' }), ['team', 'reason'], 'adjust-score')
		).toEqual({
			form: 'The score could not be adjusted. Try again.'
		});
		expect(placeRefusal(new RequestFailed('unknown team "x"', 'unknown-team', { team: 'x' }), fields, 'add-inject')).toEqual({
			form: 'The inject could not be sent. Try again.'
		});
		expect(
			placeRefusal(new RequestFailed('cannot add injects to an exercise that is ended', 'wrong-phase', { status: 'ended' }), fields, 'add-inject').form
		).toMatch(/^Play has ended/);
	});

	it('says its checks in the reader’s language', () => {
		overwriteGetLocale(() => 'es');
		try {
			expect(checkAdHoc({ ...adHoc, to: [] }).to).toBe('Elija al menos un equipo que la reciba.');
			expect(checkAdHoc({ ...adHoc, body: 'x'.repeat(5001) }).body).toBe('El texto no debe superar los 5000 caracteres.');
		} finally {
			overwriteGetLocale(() => baseLocale);
		}
	});
});
