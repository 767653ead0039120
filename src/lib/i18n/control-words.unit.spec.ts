import { afterEach, describe, expect, it } from 'vitest';
import { miniScenario } from '../../../tests/fixtures/mini-scenario';
import type { Trigger } from '$lib/engine/scenario/schema';
import { MINUTE } from '$lib/engine/exercise/clock';
import { overwriteGetLocale, baseLocale, type Locale } from '$lib/paraglide/runtime';
import { formatIn, formatShort, injectStatusWord, overrunText, runTitle, triggerText } from './control-words';

const t = (trigger: object) => trigger as Trigger;
const speak = (locale: Locale) => overwriteGetLocale(() => locale);

describe('the control room’s words', () => {
	afterEach(() => speak(baseLocale));

	it('words a trigger in the reader’s language, with its delay', () => {
		speak('en');
		expect(triggerText(t({ detected: { contact: 'go-fast', team: 'coast-guard' }, delayMinutes: 5 }), miniScenario)).toBe(
			'Coast Guard detects Go-fast (+5 min)'
		);
		expect(triggerText(t({ message: { from: 'customs', to: 'exercise-control' } }), miniScenario)).toBe('Customs messages Exercise control');
		expect(triggerText(t({ intercept: { target: 'go-fast', waters: 'high-seas' } }), miniScenario)).toBe(
			'a team intercepts Go-fast outside any territorial sea'
		);
		speak('es');
		expect(triggerText(t({ decision: 'tip' }), miniScenario)).toBe('un equipo elige cualquier opción en «tip»');
		speak('fr');
		expect(triggerText(t({ alert: { type: 'distress', entity: 'cutter' } }), miniScenario)).toBe('Cutter appelle à l’aide');
	});

	it('says how far past the planned end play is', () => {
		speak('en');
		expect(overrunText({ plannedMs: 60 * MINUTE, overMs: 0 })).toBe('The scenario’s planned end (01:00) is reached.');
		expect(overrunText({ plannedMs: 60 * MINUTE, overMs: 18.5 * MINUTE })).toBe('18 min past the scenario’s planned end (01:00).');
		speak('nl');
		expect(overrunText({ plannedMs: 60 * MINUTE, overMs: 65 * MINUTE })).toMatch(/^1\suur 05\smin voorbij het geplande einde/);
	});

	it('says how soon and how long in short words', () => {
		speak('en');
		expect([formatIn(0), formatIn(40_000), formatIn(4 * 60_000 + 1)]).toEqual(['now', 'in 40 sec', 'in 5 min']);
		expect([formatShort(12_000), formatShort(9 * 60_000), formatShort(75 * 60_000 + 59_000)]).toEqual(['12 sec', '9 min', '1 hr 15 min']);
		speak('fr');
		expect(formatIn(40_000)).toMatch(/^dans 40\ss$/);
	});

	it('names inject states and default titles', () => {
		speak('en');
		expect(injectStatusWord('held')).toBe('on hold');
		expect(runTitle('Hurricane Keturah', 2)).toBe('Hurricane Keturah · run 2');
		speak('ht');
		expect(injectStatusWord('waiting')).toBe('ap tann deklanchè a');
	});
});
