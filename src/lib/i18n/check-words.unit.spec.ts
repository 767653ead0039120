/** Scenario problems in five languages: every code worded, nothing left in braces, and where a problem is in words. */
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { miniScenarioInput } from '../../../tests/fixtures/mini-scenario';
import { parseScenarioYaml, type ScenarioProblem } from '$lib/engine/scenario/parse';
import { PROBLEM_CODES, REFERENCE_KINDS, VALUE_TYPES, type ProblemCode, type ProblemParams } from '$lib/engine/scenario/problem-codes';
import { baseLocale, locales, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { problemPlace, problemText } from './check-words';

afterEach(() => overwriteGetLocale(() => baseLocale));

/** Params like those the checks give, for each code (a code with several forms has several). */
const SAMPLES: Record<ProblemCode, ProblemParams[]> = {
	missing: [{}],
	'wrong-type': VALUE_TYPES.map((expected) => ({ expected })),
	'not-whole': [{}],
	empty: [{}],
	'too-short': [{ limit: 3 }],
	'too-long': [{ limit: 120 }],
	'too-small': [{ limit: 5 }],
	'too-large': [{ limit: 1440 }],
	'must-exceed': [{ limit: 0 }],
	'must-be-below': [{ limit: 90 }],
	'too-few': [{ limit: 1 }, { limit: 2 }],
	'too-many': [{ limit: 1 }, { limit: 8 }],
	'not-one-of': [{ allowed: 'own, foreign, high-seas' }],
	'unknown-field': [
		{ keys: 'chanel', count: 1 },
		{ keys: 'chanel, tittle', count: 2 }
	],
	'other-kind-field': [{ field: 'distressAt', kinds: 'boat', kind: 'vessel' }],
	'bad-id': [{}],
	'bad-colour': [{}],
	'bad-position': [{}],
	'bad-format': [{}],
	'unknown-trigger': [{ kinds: 'decision, missed, message, area, intercept, detected, alert' }],
	'mixed-trigger': [{ kinds: 'decision, intercept' }],
	invalid: [{}],
	'duplicate-id': [{ value: 'tip' }],
	'reserved-id': [{ value: 'exercise-control' }],
	'needs-one-of': [{ fields: 'at, trigger' }],
	'unknown-ref': REFERENCE_KINDS.map((what): ProblemParams => (what === 'option' ? { what, value: 'ghost', inject: 'tip' } : { what, value: 'ghost' })),
	'asset-needs-team': [{}],
	'more-minors-than-people': [{}],
	'more-unaccompanied-than-minors': [{}],
	'needs-displacement': [{}],
	'after-end': [{ minutes: 60 }],
	'needs-destination': [{}],
	'not-a-port': [{ value: 'roseau-shelter', kind: 'shelter' }],
	'needs-capacity': [{ kind: 'port' }],
	'needs-state': [{ kind: 'shelter' }],
	'over-max-staff': [{ max: 12 }],
	'track-order': [{ before: 30 }],
	'no-decision': [{ inject: 'tip' }],
	'nothing-to-miss': [{ inject: 'tip' }],
	'self-trigger': [{}],
	'already-receives': [{ team: 'customs' }],
	'deadline-before-expected': [{ expected: 15 }],
	'decider-not-addressed': [{ team: 'customs' }],
	'no-points': [{}],
	unreachable: [{}],
	'on-land': [{ state: 'Grenada', depth: 2.5, kind: 'vessel' }],
	'leg-on-land': [{ state: 'Grenada', from: 2, to: 3, kind: 'boat' }],
	'unknown-state': [{ value: 'Turks and Caicos', suggestion: 'Turks and Caicos Islands' }, { value: 'Atlantis' }],
	'id-fixed': [{ key: 'mini' }]
};

const ENGLISH = 'the English message of the engine';

describe('problemText', () => {
	it('has samples for every code', () => {
		expect(Object.keys(SAMPLES).sort()).toEqual([...PROBLEM_CODES].sort());
	});

	for (const code of PROBLEM_CODES)
		it(`words ${code} in all five languages, with no placeholder left`, () => {
			for (const params of SAMPLES[code]) {
				const problem = { code, params, message: ENGLISH };
				const said = Object.fromEntries(locales.map((l) => [l, problemText(problem, l)]));
				for (const [locale, text] of Object.entries(said)) {
					expect(text, `${code} in ${locale}`).not.toBe(ENGLISH);
					expect(text, `${code} in ${locale}`).not.toMatch(/[{}]|undefined|NaN/);
					expect(text.trim().length, `${code} in ${locale}`).toBeGreaterThan(3);
				}
				for (const locale of locales.filter((l) => l !== 'en')) expect(said[locale], `${code} in ${locale} is not English`).not.toBe(said.en);
				// The facts a planner typed come through as they are.
				for (const value of Object.values(params))
					if (typeof value === 'string' && !['expected', 'what', 'kind', 'kinds', 'state'].some((k) => params[k] === value))
						for (const text of Object.values(said)) expect(text).toContain(value);
			}
		});

	it('falls back to the English message for a problem without a code', () => {
		expect(problemText({ message: 'Nested mappings are not allowed in compact mappings' }, 'fr')).toBe('Nested mappings are not allowed in compact mappings');
	});

	it("uses the reader's language when no locale is given, and names states and kinds of entity in it", () => {
		overwriteGetLocale(() => 'fr');
		expect(problemText({ code: 'on-land', params: { state: 'Grenada', depth: 2.5, kind: 'vessel' }, message: ENGLISH })).toBe(
			'Ce point est à terre (Grenade, à 2,5 nm de la côte) : navires et embarcations doivent rester en mer.'
		);
		expect(problemText({ code: 'not-a-port', params: { value: 'abri-roseau', kind: 'shelter' }, message: ENGLISH })).toBe(
			'« abri-roseau » est de type abri, pas un port.'
		);
		expect(problemText({ code: 'unknown-ref', params: { what: 'team', value: 'coastgard' }, message: ENGLISH }, 'es')).toBe(
			'No hay ningún equipo «coastgard» en este escenario.'
		);
	});

	it('words a plural by its number', () => {
		expect(problemText({ code: 'too-few', params: { limit: 1 }, message: ENGLISH }, 'en')).toBe('Needs at least 1 entry.');
		expect(problemText({ code: 'too-few', params: { limit: 2 }, message: ENGLISH }, 'en')).toBe('Needs at least 2 entries.');
		expect(problemText({ code: 'unknown-field', params: { keys: 'a, b', count: 2 }, message: ENGLISH }, 'nl')).toBe('Onbekende velden: a, b.');
	});
});

describe('a wrong "waters" in an intercept trigger, from the YAML to the reader', () => {
	const text = (() => {
		const s = structuredClone(miniScenarioInput);
		delete s.injects[3].at;
		(s.injects[3] as Record<string, unknown>).trigger = { intercept: { target: 'go-fast', waters: 'ours' } };
		s.injects[3].title = 'Radar contact';
		s.injects[3].number = 4;
		return stringify(s);
	})();
	const result = parseScenarioYaml(text);
	const problem = (result.ok ? null : result.problems[0]) as ScenarioProblem;
	const data = (() => {
		const s = structuredClone(miniScenarioInput) as unknown as { injects: Record<string, unknown>[] };
		s.injects[3] = { ...s.injects[3], title: 'Radar contact', number: 4 };
		return s;
	})();

	it('says the allowed values and the place in each language', () => {
		expect(problem.at).toEqual(['injects', 3, 'trigger', 'intercept', 'waters']);
		const said = (locale: Locale) => `${problemPlace(problem, data, locale)}: ${problemText(problem, locale)}`;
		expect(said('en')).toBe('Inject 4 (“Radar contact”) › trigger › waters: Must be one of: own, foreign, high-seas.');
		expect(said('es')).toBe('Inyección 4 («Radar contact») › trigger › waters: Debe ser uno de estos valores: own, foreign, high-seas.');
		expect(said('fr')).toBe('Stimulus 4 (« Radar contact ») › trigger › waters: Doit être l’une de ces valeurs : own, foreign, high-seas.');
		expect(said('nl')).toBe('Inject 4 (“Radar contact”) › trigger › waters: Moet een van deze waarden zijn: own, foreign, high-seas.');
		expect(said('ht')).toBe('Enjeksyon 4 (« Radar contact ») › trigger › waters: Dwe youn nan valè sa yo: own, foreign, high-seas.');
	});

	it('without the draft data, names items by number only', () => {
		expect(problemPlace(problem, undefined, 'en')).toBe('Inject 4 › trigger › waters');
	});
});

describe('problemPlace', () => {
	const data = structuredClone(miniScenarioInput);
	it('names nested items: options by their label, track points, hand-offs, corners and list entries by number', () => {
		expect(problemPlace({ path: '', at: ['injects', 0, 'decision', 'options', 1, 'scores', 'share'] }, data, 'en')).toBe(
			'Inject 1 (“Tip-off”) › decision › option 2 (“Wait”) › scores › share'
		);
		expect(problemPlace({ path: '', at: ['entities', 0, 'track', 1, 'position'] }, data, 'fr')).toBe('Élément de carte 1 (« Go-fast ») › point 2 › position');
		expect(problemPlace({ path: '', at: ['injects', 0, 'shareWith', 0, 'team'] }, data, 'es')).toBe('Inyección 1 («Tip-off») › traspaso 1 › team');
		expect(problemPlace({ path: '', at: ['injects', 1, 'to', 0] }, data, 'en')).toBe('Inject 2 (“Manifest”) › to › entry 1');
		expect(problemPlace({ path: '', at: ['areas', 0, 'polygon', 2] }, undefined, 'nl')).toBe('Gebied 1 › hoekpunt 3');
		expect(problemPlace({ path: '', at: ['teams', 1, 'state'] }, data, 'ht')).toBe('Ekip 2 (« Customs ») › state');
	});

	it('names the scenario itself, top-level fields, translation files, and falls back to the path without keys', () => {
		expect(problemPlace({ path: '(root)', at: [] }, data, 'en')).toBe('The scenario');
		expect(problemPlace({ path: 'durationMinutes', at: ['durationMinutes'] }, data, 'en')).toBe('durationMinutes');
		expect(problemPlace({ path: 'injects.tip.title', file: 'x.fr.yaml' })).toBe('x.fr.yaml: injects.tip.title');
	});
});
