/**
 * A scenario file and its translation files as one document (pure): each translation file's texts go onto the
 * objects they translate, as `translations.<language>` in the YAML, so a library version is one self-contained file
 * that `scenario:check` reads as it is. Used when the bundled files are seeded into the library.
 */
import { weaveTranslations, type ScenarioProblem, type TranslationSource } from '../scenario/parse';
import { ScenarioDocument, type DocPath } from './scenario-document';

type Raw = Record<string, unknown>;
const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Raw[] => (Array.isArray(x) ? x : []).map((item) => (isRecord(item) ? item : {}));

/** Every object of raw scenario data that may carry translations, with its path. */
export function translatableObjects(data: unknown): { path: DocPath; object: Raw }[] {
	if (!isRecord(data)) return [];
	const out: { path: DocPath; object: Raw }[] = [{ path: [], object: data }];
	for (const key of ['teams', 'objectives', 'entities', 'areas']) list(data[key]).forEach((object, i) => out.push({ path: [key, i], object }));
	list(data.injects).forEach((inject, i) => {
		out.push({ path: ['injects', i], object: inject });
		if (!isRecord(inject.decision)) return;
		out.push({ path: ['injects', i, 'decision'], object: inject.decision });
		list(inject.decision.options).forEach((option, j) => out.push({ path: ['injects', i, 'decision', 'options', j], object: option }));
	});
	return out;
}

export function inlineTranslations(
	source: string,
	translations: readonly TranslationSource[]
): { ok: true; text: string } | { ok: false; problems: ScenarioProblem[] } {
	const opened = ScenarioDocument.parse(source);
	if (!opened.ok) return opened;
	if (translations.length === 0) return { ok: true, text: source };
	const data = opened.document.value();
	const problems = weaveTranslations(data, translations);
	if (problems.length > 0) return { ok: false, problems };
	for (const { path, object } of translatableObjects(data))
		if (isRecord(object.translations)) opened.document.set([...path, 'translations'], object.translations);
	return { ok: true, text: opened.document.text() };
}
