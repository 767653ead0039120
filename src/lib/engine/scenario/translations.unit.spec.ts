import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { miniScenarioInput } from '../../../../tests/fixtures/mini-scenario';
import { injectForParticipant } from '../exercise/audience';
import { localizeEvent, localizeInject, localizeScenario, shownInOriginal } from './localize';
import { formatProblem, parseScenarioYaml, type TranslationSource } from './parse';
import type { Scenario } from './schema';
import { translatableCount, translatedLanguages, untranslatedTexts } from './translation-file';

const FRENCH = `locale: fr
title: Mini-exercice
teams:
  coast-guard: { name: Garde-côtes, agency: Garde-côtes de Trinité-et-Tobago }
entities:
  go-fast: { name: Vedette rapide }
injects:
  tip:
    title: Renseignement
    body: Une vedette quitte la côte.
    controllerNote: Note pour la direction
    decision:
      prompt: Que faites-vous ?
      options:
        share: { label: Partager et lancer, feedback: Bien joué. }
`;

const source = stringify(miniScenarioInput);
const parse = (translations: TranslationSource[]) => parseScenarioYaml(source, undefined, translations);
const french = (text = FRENCH): TranslationSource => ({ file: 'scenarios/translations/mini.fr.yaml', locale: 'fr', source: text });

function parsed(translations: TranslationSource[]): Scenario {
	const result = parse(translations);
	if (!result.ok) throw new Error(result.problems.map((p) => formatProblem('mini.yaml', p)).join('\n'));
	return result.scenario;
}

describe('scenario translations', () => {
	it('weaves a translation file onto the objects its ids name, and reads in the reader’s language with the original kept elsewhere', () => {
		const scenario = parsed([french()]);
		expect(scenario.language).toBe('en');
		expect(scenario.teams[0]!.translations?.fr).toEqual({ name: 'Garde-côtes', agency: 'Garde-côtes de Trinité-et-Tobago' });
		const fr = localizeScenario(scenario, 'fr');
		expect(fr.title).toBe('Mini-exercice');
		expect(fr.teams.map((t) => t.name)).toEqual(['Garde-côtes', 'Customs']);
		expect(fr.entities.find((e) => e.id === 'go-fast')?.name).toBe('Vedette rapide');
		const tip = fr.injects.find((i) => i.id === 'tip')!;
		expect([tip.title, tip.decision?.prompt, tip.decision?.options.map((o) => o.label)]).toEqual([
			'Renseignement',
			'Que faites-vous ?',
			['Partager et lancer', 'Wait', 'Tell the press']
		]);
		expect(localizeScenario(scenario, 'en')).toBe(scenario);
		expect(localizeScenario(scenario, 'es').title).toBe(scenario.title);
	});

	it('marks an inject shown in the original when the reader’s language has no text for it', () => {
		const scenario = parsed([french()]);
		const [tip, note] = [scenario.injects.find((i) => i.id === 'tip')!, scenario.injects.find((i) => i.id === 'customs-note')!];
		expect(shownInOriginal(tip, 'fr', 'en')).toBe(false);
		expect(shownInOriginal(note, 'fr', 'en')).toBe(true);
		expect(shownInOriginal(note, 'en', 'en')).toBe(false);
		expect(localizeInject(note, 'fr')).toBe(note);
	});

	it('reports orphans at their line in the translation file, and a file whose language is not its name’s', () => {
		const orphan = FRENCH.replace('  go-fast:', '  go-slow:').replace('        share:', '        sahre:');
		const result = parse([french(orphan), { file: 'scenarios/translations/mini.es.yaml', locale: 'es', source: 'locale: fr\ntitle: x\n' }]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => formatProblem('mini.yaml', p))).toEqual([
			`scenarios/translations/mini.fr.yaml:6 entities.go-slow: the scenario has no entity "go-slow" to translate`,
			`scenarios/translations/mini.fr.yaml:15 injects.tip.decision.options.sahre: the decision of inject "tip" has no option "sahre"`,
			`scenarios/translations/mini.es.yaml:1 locale: the file name says "es" but the file says "fr"`
		]);
	});

	it('checks translated texts like the originals: empty, too long, unknown fields', () => {
		const bad = FRENCH.replace('title: Renseignement', `title: "${'x'.repeat(161)}"`)
			.replace('name: Vedette rapide', 'name: ""')
			.replace('locale: fr', 'locale: fr\nsumary: oops');
		const result = parse([french(bad)]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const said = result.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
		expect(said).toMatch(/sumary/);
		expect(said).toMatch(/entities\.go-fast\.name: must not be empty/);
		expect(said).toMatch(/injects\.tip\.title: Too big/);
	});

	it('lists what a language still lacks, and counts every reader-facing text', () => {
		const scenario = parsed([french()]);
		expect(translatedLanguages(scenario)).toEqual(['fr']);
		const missing = untranslatedTexts(scenario, 'fr');
		expect(missing).toContain('teams[1].name');
		expect(missing).toContain('injects[0].decision.options[1].label');
		expect(missing).not.toContain('teams[0].name');
		expect(missing).not.toContain('(scenario).title');
		expect(untranslatedTexts(scenario, 'en')).toEqual([]);
		// Everything is untranslated into a language nobody wrote, and the count says how much there is.
		expect(untranslatedTexts(scenario, 'nl')).toHaveLength(translatableCount(scenario));
		expect(translatableCount(scenario)).toBe(untranslatedTexts(scenario, 'fr').length + 9);
	});

	it('gives a team only what it may read: no controller notes or option feedback in any language', () => {
		const scenario = parsed([french()]);
		const forTeam = injectForParticipant(scenario.injects.find((i) => i.id === 'tip')!);
		expect(forTeam.translations?.fr).toEqual({ title: 'Renseignement', body: 'Une vedette quitte la côte.' });
		expect(forTeam.decision?.options[0]?.translations?.fr).toEqual({ label: 'Partager et lancer' });
		expect(JSON.stringify(forTeam)).not.toMatch(/Note pour la direction|Bien joué/);
	});

	it('localises the events a view folds: the scenario, released injects, decision feedback', () => {
		const scenario = parsed([french()]);
		const tip = scenario.injects.find((i) => i.id === 'tip')!;
		const base = { exerciseId: 'x', seq: 1, at: 0, wall: 0, actor: 'system' };
		const created = localizeEvent({ ...base, type: 'exercise.created', title: 'Run', scenario }, 'fr', 'en');
		expect(created.type === 'exercise.created' && created.scenario.teams[0]!.name).toBe('Garde-côtes');
		const released = localizeEvent(
			{ ...base, type: 'inject.released', injectId: 'tip', inject: injectForParticipant(tip), manual: false, reveals: [] },
			'fr',
			'en'
		);
		expect(released.type === 'inject.released' && released.inject.title).toBe('Renseignement');
		const option = tip.decision!.options[0]!;
		const decided = localizeEvent(
			{
				...base,
				type: 'decision.submitted',
				injectId: 'tip',
				team: 'coast-guard',
				optionId: 'share',
				by: 'A',
				latencyMs: 0,
				timeliness: 1,
				points: {},
				maxPoints: {},
				quality: {},
				violation: null,
				explanation: { label: option.label, feedback: null, translations: option.translations }
			},
			'fr',
			'en'
		);
		expect(decided.type === 'decision.submitted' && decided.explanation).toMatchObject({ label: 'Partager et lancer', feedback: 'Bien joué.' });
	});
});
