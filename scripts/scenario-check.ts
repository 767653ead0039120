/**
 * npm run scenario:check [files…] — validates scenario files and their translation files
 * (scenarios/translations/<file>.<language>.yaml); exits 1 on any problem. For each language it reports how many
 * of the scenario's reader-facing texts are untranslated, and lists them (the first ten) so a translator can find
 * them: an untranslated text is shown in the scenario's own language, so it is reported, not an error.
 */
import path from 'node:path';
import { loadScenarioFile, scenarioFilesIn } from '../server/scenario-files';
import { formatProblem } from '../src/lib/engine/scenario/parse';
import { translatableCount, translatedLanguages, untranslatedTexts } from '../src/lib/engine/scenario/translation-file';

const SHOWN = 10;
const args = process.argv.slice(2);
const files = args.length > 0 ? args : await scenarioFilesIn('scenarios');
if (files.length === 0) {
	console.error('no scenario files found');
	process.exit(1);
}
let failed = 0;
for (const file of files) {
	const result = await loadScenarioFile(file, { strict: true });
	const shown = path.relative(process.cwd(), file) || file;
	if ('problems' in result) {
		failed++;
		for (const p of result.problems) console.error(formatProblem(shown, p));
		continue;
	}
	const s = result.scenario;
	const decisions = s.injects.filter((i) => i.decision).length;
	console.log(
		`ok ${shown}: "${s.title}" — ${s.teams.length} teams, ${s.objectives.length} objectives, ${s.injects.length} injects, ${decisions} decisions, ${s.entities.length} entities`
	);
	const total = translatableCount(s);
	for (const locale of translatedLanguages(s)) {
		const missing = untranslatedTexts(s, locale);
		console.log(`   ${locale}: ${total - missing.length} of ${total} texts translated${missing.length ? `, ${missing.length} untranslated:` : ''}`);
		for (const where of missing.slice(0, SHOWN)) console.log(`      untranslated ${where}`);
		if (missing.length > SHOWN) console.log(`      … and ${missing.length - SHOWN} more`);
	}
	if (translatedLanguages(s).length === 0) console.log(`   written in ${s.language}; no translations`);
}
process.exit(failed > 0 ? 1 : 0);
