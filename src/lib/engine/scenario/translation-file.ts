/**
 * A scenario's texts in one other language, as translators write them: one file per language
 * (`scenarios/translations/<scenario file>.<language>.yaml`), keyed by the ids of the scenario's teams, objectives,
 * entities, areas, injects and options, so a translator works through one readable list and the scenario file
 * stays as it is (pure: the files are read at the edge, see server/scenario-files.ts).
 *
 * `weaveTranslation` moves such a file's texts onto the scenario's objects (`translations.<language>`), before the
 * scenario is validated, so the schema checks every translated text like the original. An entry whose id the
 * scenario does not have is an orphan, reported at its line in the translation file; `untranslatedTexts` lists
 * what a language still lacks, for `scenario:check`'s report.
 */
import { z } from 'zod';
import { TRANSLATABLE, type Scenario } from './schema';
import { SCENARIO_LANGUAGES, type ScenarioLanguage } from './vocabulary';

const entries = <F extends z.ZodRawShape>(fields: F) => z.record(z.string(), z.strictObject(fields).partial()).optional();

export const translationFileSchema = z.strictObject({
	locale: z.enum(SCENARIO_LANGUAGES).describe('the language of this file'),
	...TRANSLATABLE.scenario,
	title: TRANSLATABLE.scenario.title.optional(),
	summary: TRANSLATABLE.scenario.summary.optional(),
	overview: TRANSLATABLE.scenario.overview.optional(),
	teams: entries(TRANSLATABLE.team),
	objectives: entries(TRANSLATABLE.objective),
	entities: entries(TRANSLATABLE.entity),
	areas: entries(TRANSLATABLE.area),
	injects: entries({
		...TRANSLATABLE.inject,
		decision: z.strictObject({ ...TRANSLATABLE.decision, options: entries(TRANSLATABLE.option) }).partial()
	})
});
export type TranslationFile = z.infer<typeof translationFileSchema>;

/** A problem in a translation file, at its path there (`injects.cargo-sighting`). */
export interface TranslationIssue {
	path: (string | number)[];
	message: string;
}

type Raw = Record<string, unknown>;
const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const listOf = (data: Raw, key: string): Raw[] => (Array.isArray(data[key]) ? (data[key] as unknown[]).filter(isRecord) : []);

/** Sets `texts` as `object.translations[locale]` (merged over texts already there). */
function attach(object: Raw, locale: ScenarioLanguage, texts: Raw) {
	const translations = isRecord(object.translations) ? object.translations : (object.translations = {});
	translations[locale] = { ...(isRecord(translations[locale]) ? translations[locale] : {}), ...texts };
}

/**
 * Weaves a validated translation file into raw scenario data (as parsed from YAML, not yet validated), in place.
 * Returns the orphans: entries naming a team, objective, entity, area, inject or option the scenario does not have.
 */
export function weaveTranslation(data: unknown, file: TranslationFile): TranslationIssue[] {
	if (!isRecord(data)) return [];
	const { locale, teams, objectives, entities, areas, injects, ...top } = file;
	const issues: TranslationIssue[] = [];
	const topTexts = Object.fromEntries(Object.entries(top).filter(([k]) => k === 'title' || k === 'summary' || k === 'overview'));
	if (Object.keys(topTexts).length > 0) attach(data, locale, topTexts);
	const SINGULAR: Record<string, string> = { teams: 'team', objectives: 'objective', entities: 'entity', areas: 'area', injects: 'inject' };
	const byId = (key: string, given: Record<string, Raw> | undefined, onto: (object: Raw, texts: Raw, path: string[]) => void) => {
		const objects = new Map(listOf(data, key).map((o) => [String(o.id), o]));
		for (const [id, texts] of Object.entries(given ?? {})) {
			const object = objects.get(id);
			if (!object) issues.push({ path: [key, id], message: `the scenario has no ${SINGULAR[key]} "${id}" to translate` });
			else onto(object, texts, [key, id]);
		}
	};
	const plain = (object: Raw, texts: Raw) => attach(object, locale, texts);
	byId('teams', teams, plain);
	byId('objectives', objectives, plain);
	byId('entities', entities, plain);
	byId('areas', areas, plain);
	byId('injects', injects, (inject, { decision, ...texts }, path) => {
		if (Object.keys(texts).length > 0) attach(inject, locale, texts);
		if (!isRecord(decision)) return;
		const target = isRecord(inject.decision) ? inject.decision : null;
		if (!target) return issues.push({ path: [...path, 'decision'], message: `inject "${path[1]}" has no decision to translate` });
		const { options, ...decisionTexts } = decision as Raw;
		if (Object.keys(decisionTexts).length > 0) attach(target, locale, decisionTexts);
		const known = new Map(listOf(target, 'options').map((o) => [String(o.id), o]));
		for (const [id, optionTexts] of Object.entries(isRecord(options) ? options : {})) {
			const option = known.get(id);
			if (!option) issues.push({ path: [...path, 'decision', 'options', id], message: `the decision of inject "${path[1]}" has no option "${id}"` });
			else attach(option, locale, optionTexts as Raw);
		}
	});
	return issues;
}

/** Each reader-facing text of `scenario`, where it is (`injects[3].body`), and whether `locale` has it. */
function textSlots(scenario: Scenario, locale: ScenarioLanguage): { path: string; translated: boolean }[] {
	const slots: { path: string; translated: boolean }[] = [];
	type Texts = Partial<Record<ScenarioLanguage, Record<string, unknown>>> | undefined;
	const check = (path: string, object: Record<string, unknown>, translations: Texts, fields: string[]) => {
		const given = translations?.[locale] ?? {};
		for (const field of fields) if (object[field] !== undefined) slots.push({ path: `${path}.${field}`, translated: given[field] !== undefined });
	};
	check('(scenario)', scenario, scenario.translations, ['title', 'summary']);
	const overview: Record<string, unknown> = scenario.translations?.[locale]?.overview ?? {};
	for (const [field, value] of Object.entries(scenario.overview ?? {}))
		if (Array.isArray(value) ? value.length > 0 : value !== undefined) slots.push({ path: `overview.${field}`, translated: overview[field] !== undefined });
	scenario.teams.forEach((t, i) => check(`teams[${i}]`, t, t.translations, ['name', 'agency']));
	scenario.objectives.forEach((o, i) => check(`objectives[${i}]`, o, o.translations, ['name', 'capability', 'description']));
	scenario.entities.forEach((e, i) => check(`entities[${i}]`, e, e.translations, ['name', 'description']));
	scenario.areas.forEach((a, i) => check(`areas[${i}]`, a, a.translations, ['name']));
	scenario.injects.forEach((inject, i) => {
		check(`injects[${i}]`, inject, inject.translations, ['from', 'title', 'body', 'expectedAction', 'controllerNote']);
		if (!inject.decision) return;
		check(`injects[${i}].decision`, inject.decision, inject.decision.translations, ['prompt']);
		inject.decision.options.forEach((o, j) =>
			check(`injects[${i}].decision.options[${j}]`, { ...o, violation: o.violation?.rule }, o.translations, ['label', 'feedback', 'violation'])
		);
	});
	return slots;
}

/** Where the reader-facing texts of `scenario` that have no translation into `locale` are (none for its own language). */
export function untranslatedTexts(scenario: Scenario, locale: ScenarioLanguage): string[] {
	if (locale === scenario.language) return [];
	return textSlots(scenario, locale)
		.filter((slot) => !slot.translated)
		.map((slot) => slot.path);
}

/** How many reader-facing texts `scenario` has (for "12 of 410 untranslated"). */
export const translatableCount = (scenario: Scenario): number => textSlots(scenario, scenario.language).length;

/** The languages a scenario has any translation into, besides its own. */
export function translatedLanguages(scenario: Scenario): ScenarioLanguage[] {
	return SCENARIO_LANGUAGES.filter((l) => l !== scenario.language && textSlots(scenario, l).some((slot) => slot.translated));
}
