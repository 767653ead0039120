/** Scenario problems in five languages: every code worded, nothing left in braces, and where a problem is in words. */
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { miniScenarioInput } from '../../../tests/fixtures/mini-scenario';
import { parseScenarioYaml, type ScenarioProblem } from '$lib/engine/scenario/parse';
import { PROBLEM_CODES, REFERENCE_KINDS, VALUE_TYPES, type ProblemCode, type ProblemParams } from '$lib/engine/scenario/problem-codes';
import { scenarioJsonSchema } from '$lib/engine/scenario/schema';
import { baseLocale, locales, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { FIELD_WORDS, problemPlace, problemText } from './check-words';

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
		expect(said('en')).toBe('Inject 4 (“Radar contact”) › trigger › which waters: Must be one of: own, foreign, high-seas.');
		expect(said('es')).toBe('Inyección 4 («Radar contact») › disparador › qué aguas: Debe ser uno de estos valores: own, foreign, high-seas.');
		expect(said('fr')).toBe('Stimulus 4 (« Radar contact ») › déclencheur › quelles eaux: Doit être l’une de ces valeurs : own, foreign, high-seas.');
		expect(said('nl')).toBe('Inject 4 (“Radar contact”) › trigger › welke wateren: Moet een van deze waarden zijn: own, foreign, high-seas.');
		expect(said('ht')).toBe('Enjeksyon 4 (« Radar contact ») › deklanchè › ki dlo: Dwe youn nan valè sa yo: own, foreign, high-seas.');
	});

	it('without the draft data, names items by number only', () => {
		expect(problemPlace(problem, undefined, 'en')).toBe('Inject 4 › trigger › which waters');
	});
});

describe('problemPlace', () => {
	const data = structuredClone(miniScenarioInput);
	const place = (at: (string | number)[], locale: Locale, of: unknown = data) => problemPlace({ path: '', at }, of, locale);

	it('names nested items: options by their label, track points, hand-offs, corners and list entries by number', () => {
		expect(place(['injects', 0, 'decision', 'options', 1, 'scores', 'share'], 'en')).toBe(
			'Inject 1 (“Tip-off”) › decision › answer 2 (“Wait”) › points per objective › share'
		);
		expect(place(['entities', 0, 'track', 1, 'position'], 'fr')).toBe('Élément de carte 1 (« Go-fast ») › point 2 › position');
		expect(place(['injects', 0, 'shareWith', 0, 'team'], 'es')).toBe('Inyección 1 («Tip-off») › traspaso 1 › equipo a informar');
		expect(place(['injects', 1, 'to', 0], 'en')).toBe('Inject 2 (“Manifest”) › recipients › entry 1');
		expect(place(['areas', 0, 'polygon', 2], 'nl', undefined)).toBe('Gebied 1 › hoekpunt 3');
		expect(place(['teams', 1, 'state'], 'ht')).toBe('Ekip 2 (« Customs ») › eta');
	});

	it("names a map item's top speed as the map editor labels it", () => {
		expect(place(['entities', 1, 'speedKnots'], 'en')).toBe('Map item 2 (“Cutter”) › top speed');
		expect(place(['entities', 1, 'speedKnots'], 'es')).toBe('Elemento del mapa 2 («Cutter») › velocidad máxima');
	});

	it("names a track point's minute, and the longitude and latitude of a position", () => {
		expect(place(['entities', 0, 'track', 2, 'at'], 'en')).toBe('Map item 1 (“Go-fast”) › point 3 › minute');
		expect(place(['entities', 0, 'track', 2, 'at'], 'nl')).toBe('Kaartelement 1 (“Go-fast”) › punt 3 › minuut');
		expect(place(['entities', 0, 'track', 0, 'position', 1], 'en')).toBe('Map item 1 (“Go-fast”) › point 1 › position › latitude');
		expect(place(['areas', 0, 'polygon', 2, 0], 'fr', undefined)).toBe('Zone 1 › sommet 3 › longitude');
		expect(place(['map', 'center', 1], 'es')).toBe('Dónde se abre el mapa › centro › latitud');
	});

	it("names a trigger's fields without its kind, and the kind itself when it is what is wrong", () => {
		expect(place(['injects', 3, 'trigger', 'intercept', 'waters'], 'en')).toBe('Inject 4 (“Story”) › trigger › which waters');
		expect(place(['injects', 3, 'trigger', 'intercept', 'waters'], 'fr')).toBe('Stimulus 4 (« Story ») › déclencheur › quelles eaux');
		expect(place(['injects', 3, 'trigger', 'option'], 'en')).toBe('Inject 4 (“Story”) › trigger › answer');
		expect(place(['injects', 3, 'trigger', 'message', 'to'], 'en')).toBe('Inject 4 (“Story”) › trigger › receiving team');
		expect(place(['injects', 3, 'trigger', 'alert', 'type'], 'ht')).toBe('Enjeksyon 4 (« Story ») › deklanchè › kalite alèt');
		expect(place(['injects', 3, 'trigger', 'detected'], 'en')).toBe('Inject 4 (“Story”) › trigger › detection');
	});

	it("names a decision's fields, an answer's points per objective (the objective by its id) and the rule it breaks", () => {
		expect(place(['injects', 0, 'decision', 'options'], 'en')).toBe('Inject 1 (“Tip-off”) › decision › answers');
		expect(place(['injects', 0, 'decision', 'options'], 'es')).toBe('Inyección 1 («Tip-off») › decisión › respuestas');
		expect(place(['injects', 0, 'decision', 'options', 0, 'scores', 'share'], 'fr')).toBe(
			'Stimulus 1 (« Tip-off ») › décision › réponse 1 (« Share and launch ») › points par objectif › share'
		);
		expect(place(['injects', 0, 'decision', 'teams'], 'en')).toBe('Inject 1 (“Tip-off”) › decision › teams that decide');
		expect(place(['injects', 0, 'decision', 'options', 2, 'violation', 'objective'], 'en')).toBe(
			'Inject 1 (“Tip-off”) › decision › answer 3 (“Tell the press”) › rule it breaks › objective it costs'
		);
	});

	it('names top-level lists and blocks with a capital, as the studio heads them', () => {
		expect(place(['injects'], 'en')).toBe('MSEL (injects)');
		expect(place(['injects'], 'fr')).toBe('MSEL (stimuli)');
		expect(place(['teams'], 'en')).toBe('Teams');
		expect(place(['teams'], 'fr')).toBe('Équipes');
		expect(place(['overview', 'threatOrHazard'], 'en')).toBe('Exercise overview › threat or hazard');
		expect(place(['overview', 'threatOrHazard'], 'es')).toBe('Presentación del ejercicio › amenaza o peligro');
		expect(place(['kind'], 'nl')).toBe('Soort oefening');
		expect(place(['durationMinutes'], 'en')).toBe('Length (minutes)');
	});

	it('names the language of a translation by its own name', () => {
		expect(place(['teams', 1, 'translations', 'fr', 'name'], 'en')).toBe('Team 2 (“Customs”) › translations › Français › name');
		expect(place(['translations', 'ht', 'overview', 'scope'], 'es')).toBe('Traducciones › Kreyòl ayisyen › presentación del ejercicio › alcance');
	});

	it('reads a key it has no words for as it is written', () => {
		expect(place(['injects', 0, 'colour'], 'en')).toBe('Inject 1 (“Tip-off”) › colour');
		expect(place(['constructor'], 'en')).toBe('constructor');
		expect(place(['translations', 'de'], 'en')).toBe('Translations › de');
	});

	it('names the scenario itself, translation files, and gives the path of a problem from a file as it is', () => {
		expect(problemPlace({ path: '(root)', at: [] }, data, 'en')).toBe('The scenario');
		expect(problemPlace({ path: 'injects.tip.title', file: 'x.fr.yaml' })).toBe('x.fr.yaml: injects.tip.title');
		expect(problemPlace({ path: 'entities.go-fast.speedKnots' }, data, 'fr')).toBe('entities.go-fast.speedKnots');
		expect(problemPlace({ path: '', at: ['injects', 0, 'title'], file: 'x.fr.yaml' }, data, 'en')).toBe('x.fr.yaml: Inject 1 (“Tip-off”) › title');
	});
});

describe('FIELD_WORDS', () => {
	/** Every property name in the scenario's JSON Schema, at any depth. */
	function schemaKeys(node: unknown, into = new Set<string>()): Set<string> {
		if (Array.isArray(node)) for (const item of node) schemaKeys(item, into);
		else if (node !== null && typeof node === 'object')
			for (const [key, value] of Object.entries(node)) {
				if (key === 'properties' && value !== null && typeof value === 'object') for (const name of Object.keys(value)) into.add(name);
				schemaKeys(value, into);
			}
		return into;
	}
	const keys = [...schemaKeys(scenarioJsonSchema())].sort();

	it('has words for every key of the scenario schema, and for no key it lacks', () => {
		expect(keys.length).toBeGreaterThan(80);
		expect(keys.filter((key) => !Object.hasOwn(FIELD_WORDS, key))).toEqual([]);
		expect(Object.keys(FIELD_WORDS).filter((key) => !keys.includes(key))).toEqual([]);
	});

	it('words each key in all five languages, none left blank or in braces', () => {
		for (const [key, words] of Object.entries(FIELD_WORDS))
			for (const locale of locales) {
				const text = words({}, { locale });
				expect(text.trim(), `${key} in ${locale}`).toBeTruthy();
				expect(text, `${key} in ${locale}`).not.toMatch(/[{}]/);
			}
	});
});
