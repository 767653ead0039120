/**
 * The message catalogues agree: every language has every key of the base (English) and no other, each message
 * keeps the base's placeholders, none is empty, and every key is used somewhere in the app (as `m.key`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import settings from '../../../project.inlang/settings.json';

const MESSAGES = join(import.meta.dirname, '../../../messages');
const SRC = join(import.meta.dirname, '../..');

type Catalogue = Record<string, unknown>;
const load = (locale: string): Catalogue => {
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(join(MESSAGES, `${locale}.json`), 'utf8')) as Catalogue;
	return messages;
};

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
	it('has a catalogue per language of the project, and the base is not empty', () => {
		expect(
			readdirSync(MESSAGES)
				.filter((f) => f.endsWith('.json'))
				.sort()
		).toEqual(settings.locales.map((l) => `${l}.json`).sort());
		expect(Object.keys(base).length).toBeGreaterThan(0);
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
