/**
 * The message catalogues agree: every language has every key of the base (English) and no other, each message
 * keeps the base's placeholders, none is empty, and every key is used somewhere in the app (as `m.key`).
 * Catalogues are split by area (`messages/<area>/<locale>.json`, listed in the project settings); an area's keys
 * start with its name (`team_…` in `messages/team/`), so two areas can never define one key, except `common`'s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import settings from '../../../project.inlang/settings.json';

const MESSAGES = join(import.meta.dirname, '../../../messages');
const SRC = join(import.meta.dirname, '../..');

type Catalogue = Record<string, unknown>;
const PATTERNS: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
const AREAS = PATTERNS.map((p) => /messages\/([a-z-]+)\/\{locale\}\.json$/.exec(p)?.[1] ?? p);
const loadArea = (area: string, locale: string): Catalogue => {
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(join(MESSAGES, area, `${locale}.json`), 'utf8')) as Catalogue;
	return messages;
};
const load = (locale: string): Catalogue => Object.assign({}, ...AREAS.map((area) => loadArea(area, locale))) as Catalogue;

/** The placeholders of a message (`{name}`), plain or with variants (plurals), sorted. */
function placeholders(message: unknown): string[] {
	const text = typeof message === 'string' ? message : JSON.stringify(message);
	return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!))].sort();
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : sourceFiles(path);
		return /\.(svelte|ts)$/.test(entry.name) && !entry.name.includes('.spec.') ? [path] : [];
	});
}

const base = load(settings.baseLocale);
const others = settings.locales.filter((l) => l !== settings.baseLocale);

describe('message catalogues', () => {
	it('has a catalogue per area and language of the project, and the base is not empty', () => {
		expect(
			AREAS.every((a) => /^[a-z-]+$/.test(a)),
			`area folders in ${PATTERNS.join(', ')}`
		).toBe(true);
		expect(
			readdirSync(MESSAGES, { withFileTypes: true })
				.filter((f) => f.isDirectory())
				.map((f) => f.name)
				.sort()
		).toEqual([...AREAS].sort());
		for (const area of AREAS)
			expect(
				readdirSync(join(MESSAGES, area))
					.filter((f) => f.endsWith('.json'))
					.sort(),
				area
			).toEqual(settings.locales.map((l) => `${l}.json`).sort());
		expect(Object.keys(base).length).toBeGreaterThan(0);
	});

	it("names each area's keys after it, so no two areas define one key", () => {
		const areas = AREAS.filter((a) => a !== 'common');
		for (const area of areas) {
			const stray = Object.keys(loadArea(area, settings.baseLocale)).filter((k) => !k.startsWith(`${area}_`));
			expect(stray, `keys in messages/${area}/ not starting with ${area}_`).toEqual([]);
		}
		const common = Object.keys(loadArea('common', settings.baseLocale)).filter((k) => areas.some((a) => k.startsWith(`${a}_`)));
		expect(common, "common keys named like another area's").toEqual([]);
	});

	for (const locale of others)
		it(`${locale}: the same keys as ${settings.baseLocale}, the same placeholders, nothing empty`, () => {
			const catalogue = load(locale);
			expect(
				Object.keys(catalogue).filter((k) => !(k in base)),
				'keys the base does not have'
			).toEqual([]);
			expect(
				Object.keys(base).filter((k) => !(k in catalogue)),
				'keys not translated'
			).toEqual([]);
			for (const [key, message] of Object.entries(catalogue)) {
				expect(placeholders(message), `${locale}.${key} placeholders`).toEqual(placeholders(base[key]));
				expect(typeof message === 'string' ? message.trim() : message, `${locale}.${key} is empty`).toBeTruthy();
			}
		});

	it('uses every key somewhere in the app', () => {
		const code = sourceFiles(SRC)
			.map((f) => readFileSync(f, 'utf8'))
			.join('\n');
		const unused = Object.keys(base).filter((key) => !new RegExp(`\\bm\\.${key}\\b`).test(code));
		expect(unused).toEqual([]);
	});
});
