/**
 * The translations view's table (pure): one row per reader-facing text of a draft (its title, each team's name, each
 * inject's body, each option's feedback and violation rule, …), the original as written and its translation into
 * one language, read from the draft's plain data, which may be half-written (any field missing or of the wrong type).
 * `writeTranslation` puts a translation where the scenario keeps it (`translations.<language>.<field>` on the
 * object, `translations.<language>.overview.<field>` for the scenario's overview) and takes out what an emptied one
 * leaves behind: no empty text, no empty language, no empty `translations`.
 */
import { TRANSLATABLE } from '../scenario/schema';
import type { ScenarioLanguage } from '../scenario/vocabulary';
import { formatPath } from '../scenario/parse';
import { translatableObjects } from './inline-translations';
import type { DocPath, ScenarioDocument } from './scenario-document';

export type TranslatableKind = 'scenario' | 'overview' | 'team' | 'objective' | 'entity' | 'area' | 'inject' | 'decision' | 'option';

export interface TranslationRow {
	/** The translation's path as text (`injects[3].translations.fr.title`): unique, the row's key and its field's `data-path`. */
	key: string;
	kind: TranslatableKind;
	/** The object's place in its list (teams, objectives, entities, areas, injects; the inject's for a decision or option). */
	index: number | null;
	/** What the planner calls the object: its name, title or label as written (empty when it has none yet). */
	name: string;
	/** For an option: its place in the decision. */
	option: number | null;
	/** For an inject, its decision or an option: the inject's number (as the MSEL shows it) and title. */
	inject: { number: number; title: string } | null;
	/** The text's field (`title`, `body`, `violation` for an option's violation rule, `missionAreas`). */
	field: string;
	/** The text as written: a list for the overview's mission areas. */
	original: string | string[];
	/** Where the translation goes. */
	path: DocPath;
	translation: string | string[] | undefined;
	/** Longest the translation may be (as the original). */
	max: number;
}

type Raw = Record<string, unknown>;
const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const texts = (x: unknown): string[] | null => (Array.isArray(x) && x.some(isText) ? x.filter(isText) : null);

const KIND_OF_LIST: Record<string, Exclude<TranslatableKind, 'overview'>> = {
	teams: 'team',
	objectives: 'objective',
	entities: 'entity',
	areas: 'area',
	injects: 'inject'
};
const FIELDS: Record<Exclude<TranslatableKind, 'overview'>, Record<string, { maxLength: number | null }>> = {
	scenario: { title: TRANSLATABLE.scenario.title, summary: TRANSLATABLE.scenario.summary },
	team: TRANSLATABLE.team,
	objective: TRANSLATABLE.objective,
	entity: TRANSLATABLE.entity,
	area: TRANSLATABLE.area,
	inject: TRANSLATABLE.inject,
	decision: TRANSLATABLE.decision,
	option: TRANSLATABLE.option
};
const OVERVIEW = TRANSLATABLE.scenario.overview.shape;
const OVERVIEW_MAX: Record<string, number> = {
	scope: OVERVIEW.scope.unwrap().maxLength ?? 1000,
	missionAreas: OVERVIEW.missionAreas.unwrap().element.maxLength ?? 80,
	threatOrHazard: OVERVIEW.threatOrHazard.unwrap().maxLength ?? 300,
	sponsor: OVERVIEW.sponsor.unwrap().maxLength ?? 200,
	pointOfContact: OVERVIEW.pointOfContact.unwrap().maxLength ?? 200
};

function kindOf(path: DocPath): Exclude<TranslatableKind, 'overview'> {
	if (path.length === 0) return 'scenario';
	if (path.at(-2) === 'options') return 'option';
	if (path.at(-1) === 'decision') return 'decision';
	return KIND_OF_LIST[String(path[0])] ?? 'scenario';
}

const nameOf = (object: Raw): string => [object.name, object.title, object.label].find(isText) ?? '';

/** Every text of `data` to translate into `language`, in the order of the file. */
export function translationRows(data: unknown, language: ScenarioLanguage): TranslationRow[] {
	const rows: TranslationRow[] = [];
	for (const { path, object } of translatableObjects(data)) {
		const kind = kindOf(path);
		const given = isRecord(object.translations) && isRecord(object.translations[language]) ? object.translations[language] : {};
		const index = typeof path[1] === 'number' ? path[1] : null;
		let inject: TranslationRow['inject'] = null;
		if ((kind === 'inject' || kind === 'decision' || kind === 'option') && index !== null && isRecord(data)) {
			const owner = Array.isArray(data.injects) && isRecord(data.injects[index]) ? data.injects[index] : {};
			inject = { number: typeof owner.number === 'number' ? owner.number : index + 1, title: isText(owner.title) ? owner.title : '' };
		}
		const base = {
			kind,
			index,
			name: kind === 'decision' ? '' : nameOf(object),
			option: kind === 'option' ? (path.at(-1) as number) : null,
			inject
		};
		for (const [field, schema] of Object.entries(FIELDS[kind])) {
			const original = field === 'violation' && kind === 'option' ? (isRecord(object.violation) ? object.violation.rule : undefined) : object[field];
			if (!isText(original)) continue;
			const at = [...path, 'translations', language, field];
			rows.push({
				...base,
				key: formatPath(at),
				field,
				original,
				path: at,
				translation: isText(given[field]) ? given[field] : undefined,
				max: schema.maxLength ?? 1000
			});
		}
		if (kind !== 'scenario' || !isRecord(object.overview)) continue;
		const overview = object.overview;
		const translated = isRecord(given.overview) ? given.overview : {};
		for (const field of Object.keys(OVERVIEW_MAX)) {
			const original = field === 'missionAreas' ? texts(overview[field]) : overview[field];
			if (original === null || (!Array.isArray(original) && !isText(original))) continue;
			const at = ['translations', language, 'overview', field];
			const translation = field === 'missionAreas' ? (texts(translated[field]) ?? undefined) : isText(translated[field]) ? translated[field] : undefined;
			rows.push({ ...base, kind: 'overview', key: formatPath(at), field, original, path: at, translation, max: OVERVIEW_MAX[field]! });
		}
	}
	return rows;
}

/** Whether a row has its translation. */
export const isTranslated = (row: TranslationRow): boolean => row.translation !== undefined;

/**
 * Writes `value` as the translation at `row.path` (a list is one item a line); an empty value removes the
 * translation and then every map it leaves empty on the way up to `translations`.
 */
export function writeTranslation(document: ScenarioDocument, row: Pick<TranslationRow, 'path' | 'original'>, value: string): void {
	const list = Array.isArray(row.original);
	const items = value
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
	const written = list ? (items.length > 0 ? items : undefined) : value.trim() === '' ? undefined : value;
	if (written !== undefined) return document.set(row.path, written);
	document.remove(row.path);
	const at = row.path.lastIndexOf('translations');
	for (let end = row.path.length - 1; end > at; end--) {
		const parent = row.path.slice(0, end);
		const left = document.get(parent);
		if (isRecord(left) && Object.keys(left).length === 0) document.remove(parent);
		else return;
	}
}
