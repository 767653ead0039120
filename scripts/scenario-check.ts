/** npm run scenario:check [files…] — validates scenario files; exits 1 on any problem. */
import path from 'node:path';
import { loadScenarioFile, scenarioFilesIn } from '../server/scenario-files';
import { formatProblem } from '../src/lib/engine/scenario/parse';

const args = process.argv.slice(2);
const files = args.length > 0 ? args : await scenarioFilesIn('scenarios');
if (files.length === 0) {
	console.error('no scenario files found');
	process.exit(1);
}
let failed = 0;
for (const file of files) {
	const result = await loadScenarioFile(file);
	const shown = path.relative(process.cwd(), file) || file;
	if ('problems' in result) {
		failed++;
		for (const p of result.problems) console.error(formatProblem(shown, p));
	} else {
		const s = result.scenario;
		const decisions = s.injects.filter((i) => i.decision).length;
		console.log(
			`ok ${shown}: "${s.title}" — ${s.teams.length} teams, ${s.objectives.length} objectives, ${s.injects.length} injects, ${decisions} decisions, ${s.entities.length} entities`
		);
	}
}
process.exit(failed > 0 ? 1 : 0);
