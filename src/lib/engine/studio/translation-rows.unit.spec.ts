import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineTranslations } from './inline-translations';
import { ScenarioDocument } from './scenario-document';
import { isTranslated, translationRows, writeTranslation } from './translation-rows';

const SOURCE = `id: demo
title: Demo
summary: A short exercise.
language: en
overview:
  scope: Two agencies
  missionAreas: [Response, Protection]
translations:
  fr:
    title: Démo
teams:
  - id: coast
    name: Coast guard
    agency: JRCC
    translations:
      es:
        name: Guardacostas
  - id: broken
    name: 42
injects:
  - id: first
    number: 7
    title: Radar contact
    body: A contact at 20 nm.
    decision:
      prompt: Intercept?
      options:
        - id: go
          label: Intercept
          violation:
            rule: Stay outside foreign waters
        - id: wait
          label: Wait
`;

const open = (text = SOURCE) => {
	const opened = ScenarioDocument.parse(text);
	if (!opened.ok) throw new Error(opened.problems[0]!.message);
	return opened.document;
};

describe('translationRows', () => {
	it('lists every text with its original and its translation into the language, in file order', () => {
		const rows = translationRows(open().value(), 'fr');
		expect(rows.map((r) => r.key)).toEqual([
			'translations.fr.title',
			'translations.fr.summary',
			'translations.fr.overview.scope',
			'translations.fr.overview.missionAreas',
			'teams[0].translations.fr.name',
			'teams[0].translations.fr.agency',
			'injects[0].translations.fr.title',
			'injects[0].translations.fr.body',
			'injects[0].decision.translations.fr.prompt',
			'injects[0].decision.options[0].translations.fr.label',
			'injects[0].decision.options[0].translations.fr.violation',
			'injects[0].decision.options[1].translations.fr.label'
		]);
		expect(rows.filter(isTranslated).map((r) => [r.key, r.translation])).toEqual([['translations.fr.title', 'Démo']]);
		expect(rows[3]).toMatchObject({ kind: 'overview', original: ['Response', 'Protection'], max: 80 });
	});

	it('names each text by its object: the option by its inject, the violation by its rule', () => {
		const rows = translationRows(open().value(), 'es');
		expect(rows.find((r) => r.key === 'teams[0].translations.es.name')).toMatchObject({
			kind: 'team',
			index: 0,
			name: 'Coast guard',
			translation: 'Guardacostas',
			max: 80
		});
		expect(rows.find((r) => r.key.endsWith('options[0].translations.es.violation'))).toMatchObject({
			kind: 'option',
			index: 0,
			option: 0,
			name: 'Intercept',
			inject: { number: 7, title: 'Radar contact' },
			original: 'Stay outside foreign waters',
			path: ['injects', 0, 'decision', 'options', 0, 'translations', 'es', 'violation']
		});
	});

	it('takes half-written data without failing', () => {
		expect(translationRows(null, 'fr')).toEqual([]);
		expect(translationRows({ teams: 'none', injects: [null, { title: 3, decision: { options: 'x' } }] }, 'fr')).toEqual([]);
	});

	it('counts the bundled maritime scenario woven with its translations', () => {
		const file = 'maritime-trafficking-southern-caribbean';
		const es = { file: `${file}.es.yaml`, locale: 'es' as const, source: readFileSync(`scenarios/translations/${file}.es.yaml`, 'utf8') };
		const woven = inlineTranslations(readFileSync(`scenarios/${file}.yaml`, 'utf8'), [es]);
		if (!woven.ok) throw new Error(woven.problems[0]!.message);
		const rows = translationRows(open(woven.text).value(), 'es');
		expect(rows.length).toBeGreaterThan(200);
		expect(rows.filter(isTranslated).length).toBeGreaterThan(rows.length / 2);
		expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
	});
});

describe('writeTranslation', () => {
	it('writes a translation where the scenario keeps it, creating the maps on the way', () => {
		const doc = open();
		const [row] = translationRows(doc.value(), 'nl').filter((r) => r.key === 'injects[0].decision.options[0].translations.nl.violation');
		writeTranslation(doc, row!, 'Blijf buiten vreemde wateren');
		expect(doc.get(['injects', 0, 'decision', 'options', 0, 'translations'])).toEqual({ nl: { violation: 'Blijf buiten vreemde wateren' } });
		expect(doc.get(['injects', 0, 'decision', 'options', 0, 'violation', 'rule'])).toBe('Stay outside foreign waters');
	});

	it('writes mission areas as a list, one a line', () => {
		const doc = open();
		const row = translationRows(doc.value(), 'fr').find((r) => r.field === 'missionAreas')!;
		writeTranslation(doc, row, 'Intervention\n\n  Protection  \n');
		expect(doc.get(['translations', 'fr'])).toEqual({ title: 'Démo', overview: { missionAreas: ['Intervention', 'Protection'] } });
	});

	it('removes an emptied translation and the language and translations it leaves empty, never an empty text', () => {
		const doc = open();
		const team = translationRows(doc.value(), 'es').find((r) => r.key === 'teams[0].translations.es.name')!;
		writeTranslation(doc, team, '   ');
		expect(doc.has(['teams', 0, 'translations'])).toBe(false);
		expect(doc.text()).not.toContain('Guardacostas');

		const scope = translationRows(doc.value(), 'fr').find((r) => r.field === 'scope')!;
		writeTranslation(doc, scope, 'Deux agences');
		writeTranslation(doc, scope, '');
		expect(doc.get(['translations'])).toEqual({ fr: { title: 'Démo' } });
		const title = translationRows(doc.value(), 'fr').find((r) => r.key === 'translations.fr.title')!;
		writeTranslation(doc, title, '');
		expect(doc.has(['translations'])).toBe(false);
	});

	it('keeps the other languages of an object when one is emptied', () => {
		const doc = open();
		const fr = translationRows(doc.value(), 'fr').find((r) => r.key === 'teams[0].translations.fr.name')!;
		writeTranslation(doc, fr, 'Garde-côtes');
		writeTranslation(doc, fr, '');
		expect(doc.get(['teams', 0, 'translations'])).toEqual({ es: { name: 'Guardacostas' } });
	});
});
