import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioYaml } from '../scenario/parse';
import { inlineTranslations } from './inline-translations';
import { ScenarioDocument } from './scenario-document';

const BUNDLED = [
	{ file: 'maritime-trafficking-southern-caribbean', languages: ['es', 'fr'] },
	{ file: 'displacement-hurricane-dominica', languages: ['fr', 'ht'] }
] as const;

/** A bundled scenario with its translation files woven in, as the library stores it. */
function bundled(file: string, languages: readonly string[]): string {
	const source = readFileSync(`scenarios/${file}.yaml`, 'utf8');
	const translations = languages.map((locale) => ({
		file: `${file}.${locale}.yaml`,
		locale: locale as 'es',
		source: readFileSync(`scenarios/translations/${file}.${locale}.yaml`, 'utf8')
	}));
	const woven = inlineTranslations(source, translations);
	if (!woven.ok) throw new Error(JSON.stringify(woven.problems));
	return woven.text;
}

const open = (text: string) => {
	const opened = ScenarioDocument.parse(text);
	if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
	return opened.document;
};
const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l)).length;

describe.each(BUNDLED)('the studio document of $file', ({ file, languages }) => {
	const text = bundled(file, languages);
	const original = readFileSync(`scenarios/${file}.yaml`, 'utf8');

	it('is one file the scenario check accepts, with every translation inline', () => {
		const result = parseScenarioYaml(text);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		for (const locale of languages) expect(result.scenario.injects.every((i) => i.translations?.[locale]?.title)).toBe(true);
		// Woven from the files: the same scenario as the server loads from them.
		expect(comments(text)).toBe(comments(original));
	});

	it('round-trips text → model → text without losing data or comments, and prints the same twice', () => {
		const doc = open(text);
		const printed = doc.text();
		expect(open(printed).value()).toEqual(doc.value());
		expect(open(printed).text()).toBe(printed);
		expect(comments(printed)).toBe(comments(text));
	});

	it('takes a form edit and its undoing back to the same text, and keeps long texts as blocks', () => {
		const doc = open(text);
		const before = doc.text();
		const title = doc.get(['injects', 3, 'title']);
		doc.set(['injects', 3, 'title'], 'Changed in the studio');
		expect(doc.get(['injects', 3, 'title'])).toBe('Changed in the studio');
		expect(open(doc.text()).get(['injects', 3, 'title'])).toBe('Changed in the studio');
		doc.set(['injects', 3, 'title'], title);
		expect(doc.text()).toBe(before);
		// A body written as a folded block stays one after an edit.
		const body = String(doc.get(['injects', 0, 'body']));
		doc.set(['injects', 0, 'body'], body + ' More.');
		expect(doc.text()).toMatch(/body: >/);
	});

	it('adds, moves and removes list items', () => {
		const doc = open(text);
		const count = (doc.get(['teams']) as unknown[]).length;
		doc.push(['teams'], { id: 'new-team', name: 'New team', agency: 'Agency', state: 'Grenada' });
		expect((doc.get(['teams']) as unknown[]).length).toBe(count + 1);
		doc.move(['teams'], count, 0);
		expect(doc.get(['teams', 0, 'id'])).toBe('new-team');
		doc.remove(['teams', 0]);
		expect(doc.value()).toEqual(open(text).value());
		doc.set(['overview', 'sponsor'], undefined);
		expect(doc.has(['overview', 'sponsor'])).toBe(false);
	});
});

describe('a YAML text that does not parse', () => {
	it('comes back as problems at their lines', () => {
		const opened = ScenarioDocument.parse('id: x\ntitle: [unclosed\n');
		expect(opened.ok).toBe(false);
		if (opened.ok) return;
		expect(opened.problems[0]).toMatchObject({ path: '(yaml)', line: expect.any(Number) });
	});
});
