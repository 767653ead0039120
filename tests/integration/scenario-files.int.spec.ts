/**
 * Scenario files with their translation files, read from disk as the server and `scenario:check` read them: a
 * good translation is woven in; a broken one is an error for `scenario:check` and, on the server, skipped with its
 * problems reported while the scenario still loads in its own language.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenarioDir, loadScenarioFile } from '../../server/scenario-files';
import { MAX_SCENARIO_BYTES } from '../../src/lib/engine/scenario/parse';
import { miniScenarioInput } from '../fixtures/mini-scenario';

let dir: string;
function folder(translations: Record<string, string>) {
	dir = mkdtempSync(path.join(tmpdir(), 'cc-scenarios-'));
	writeFileSync(path.join(dir, 'mini.yaml'), stringify(miniScenarioInput));
	mkdirSync(path.join(dir, 'translations'));
	for (const [name, text] of Object.entries(translations)) writeFileSync(path.join(dir, 'translations', name), text);
	return path.join(dir, 'mini.yaml');
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scenario files with translations', () => {
	it('weaves in every translation file named after the scenario, and no other', async () => {
		const file = folder({
			'mini.fr.yaml': 'locale: fr\ntitle: Mini-exercice\n',
			'mini.es.yaml': 'locale: es\nteams:\n  coast-guard: { name: Guardacostas }\n',
			'other.fr.yaml': 'locale: fr\ntitle: Autre\n',
			'mini.xx.yaml': 'locale: xx\n'
		});
		const loaded = await loadScenarioFile(file, { strict: true });
		expect('scenario' in loaded && loaded.scenario.translations).toEqual({ fr: { title: 'Mini-exercice' } });
		expect('scenario' in loaded && loaded.scenario.teams[0]!.translations).toEqual({ es: { name: 'Guardacostas' } });
	});

	it('fails scenario:check on a broken translation, naming its file and line; the server loads the scenario without it', async () => {
		const file = folder({ 'mini.fr.yaml': 'locale: fr\ninjects:\n  no-such-inject: { title: Rien }\n', 'mini.es.yaml': 'locale: es\ntitle: Mini\n' });
		const strict = await loadScenarioFile(file, { strict: true });
		expect('problems' in strict && strict.problems).toEqual([
			{
				file: path.relative(process.cwd(), path.join(dir, 'translations', 'mini.fr.yaml')),
				path: 'injects.no-such-inject',
				line: 3,
				message: 'the scenario has no inject "no-such-inject" to translate'
			}
		]);
		const { scenarios, broken } = await loadScenarioDir(dir);
		expect(broken).toEqual([]);
		expect(scenarios[0]!.scenario.title).toBe(miniScenarioInput.title);
		expect(scenarios[0]!.translationProblems?.map((p) => p.path)).toEqual(['injects.no-such-inject']);
	});

	it('keeps the readable translations when another is too large to read', async () => {
		const file = folder({ 'mini.fr.yaml': 'locale: fr\ntitle: Mini-exercice\n', 'mini.es.yaml': `locale: es\n# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n` });
		const loaded = await loadScenarioFile(file);
		expect('scenario' in loaded && loaded.scenario.translations).toEqual({ fr: { title: 'Mini-exercice' } });
		expect('scenario' in loaded && loaded.translationProblems?.[0]?.message).toMatch(/larger than/);
		const strict = await loadScenarioFile(file, { strict: true });
		expect('problems' in strict && strict.problems[0]?.file).toMatch(/mini\.es\.yaml$/);
	});
});
