/** The team screens' words for engine data: orders, intercept answers (read back from stored English), markup slots. */
import { afterEach, describe, expect, it } from 'vitest';
import { interceptWhyText } from '$lib/engine/sim/kinematics';
import type { AssetOrder } from '$lib/engine/sim/order-text';
import { baseLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { interceptAnswerOf, interceptedWords, interceptWords, orderWords, slotted } from './team-words';

const speak = (locale: Locale) => overwriteGetLocale(() => locale);
/** Intl's no-break spaces (between a number and its unit in French) as plain ones, to compare. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
afterEach(() => overwriteGetLocale(() => baseLocale));

describe('order words', () => {
	it('reads an order as the panel did in English, and in the reader’s language', () => {
		const goto: AssetOrder = { kind: 'goto', point: [-60.8, 17.0], knots: 30 };
		expect(orderWords(goto)).toBe('proceeding to 17.00°N 60.80°W at 30 kn');
		expect(orderWords({ kind: 'planned' })).toBe('on its planned movements');
		expect(orderWords({ kind: 'patrol', points: 1, knots: 20 })).toBe('patrolling 1 point at 20 kn');
		expect(orderWords({ kind: 'carrying', people: 30, target: 'Overloaded boat', port: "St John's" })).toBe(
			"carrying 30 rescued people from Overloaded boat to St John's"
		);
		expect(orderWords({ kind: 'carrying', people: null, target: 'Pirogue', port: "St John's" })).toBe("carrying rescued people from Pirogue to St John's");
		speak('fr');
		expect(plain(orderWords(goto))).toBe('fait route vers 17,00°N 60,80°W à 30 kn');
		expect(orderWords({ kind: 'carrying', people: 1, target: 'Pirogue', port: 'Roseau' })).toBe('transporte 1 personne secourue de Pirogue à Roseau');
		speak('ht');
		expect(orderWords({ kind: 'patrol', points: 1, knots: 20 })).toBe('ap patwouye 1 pwen a 20 kn');
	});
});

describe('intercept answers', () => {
	it('reads the four English forms the engine writes back as data', () => {
		expect(interceptAnswerOf('intercept possible at 01:31, 4.5 nm from here at 25 kn, Grenada territorial sea')).toEqual({
			kind: 'possible',
			atMin: 91,
			distanceNm: 4.5,
			knots: 25,
			waters: { kind: 'territorial-sea', state: 'Grenada', coastNm: 0 }
		});
		expect(interceptAnswerOf('intercept possible at 00:40, 12 nm from here at 30 kn, outside any territorial sea (12 nm)')).toMatchObject({
			waters: { kind: 'high-seas' }
		});
		expect(interceptAnswerOf('intercept would need 95 min under way; Harbour RIB has 30 min of endurance left')).toEqual({
			kind: 'endurance',
			neededMin: 95,
			asset: 'Harbour RIB',
			leftMin: 30
		});
		const outrun = { kind: 'outrun', targetKnots: 40, knots: 25, closestNm: 5, closestAtMin: 0 } as const;
		expect(interceptAnswerOf(interceptWhyText(outrun))).toEqual(outrun);
		const away = { kind: 'out-of-reach', untilMin: 60, knots: 30, closestNm: 12, closestAtMin: 60 } as const;
		expect(interceptAnswerOf(interceptWhyText(away))).toEqual(away);
		expect(interceptAnswerOf('something else entirely')).toBeNull();
	});

	it('words them, naming the target; an unknown reason is shown as it is', () => {
		const possible = 'intercept possible at 01:31, 4.5 nm from here at 25 kn, Grenada territorial sea';
		expect(interceptWords('Suspect yacht', true, possible)).toBe(
			'Intercept possible Suspect yacht: at 01:31, 4.5 nm from here at 25 kn, in the territorial sea of Grenada.'
		);
		expect(interceptWords('Go-fast', false, 'an old reason')).toBe('Cannot intercept Go-fast: an old reason');
		speak('es');
		expect(plain(interceptWords('Go-fast', false, interceptWhyText({ kind: 'outrun', targetKnots: 40, knots: 25, closestNm: 5, closestAtMin: 0 })))).toBe(
			'No se puede interceptar a Go-fast: el blanco navega a 40 kn y se aleja; su máximo es 25 kn. Máxima aproximación: 5,0 nm a las 00:00.'
		);
		speak('nl');
		expect(interceptedWords('Jacht', '00:40:00', { kind: 'high-seas' }, false)).toBe('Jacht onderschept om 00:40:00, buiten elke territoriale zee.');
	});
});

describe('slotted', () => {
	it('cuts a sentence where its values go, wherever the language puts them', () => {
		expect(slotted((s) => `${s('who')} passed this on at ${s('time')}:`)).toEqual([
			{ slot: 'who' },
			{ text: ' passed this on at ' },
			{ slot: 'time' },
			{ text: ':' }
		]);
		expect(slotted(() => 'no values')).toEqual([{ text: 'no values' }]);
	});
});
