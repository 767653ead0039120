/**
 * The studio's live check of a draft (pure): the same schema, cross-reference and geography checks as
 * `scenario:check`, plus the rule that a library scenario keeps its id. Each problem has its path as keys and
 * indexes, so the studio can show it at its field.
 */
import { geographyProblems } from '../scenario/geography';
import { validateScenario, type ScenarioProblem } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import type { ScenarioDocument } from './scenario-document';

export interface DraftCheck {
	/** The scenario as an exercise would run it, when it passes every check. */
	scenario: Scenario | null;
	problems: ScenarioProblem[];
}

export function checkDraft(document: ScenarioDocument, key?: string): DraftCheck {
	const result = validateScenario(document.value(), (path) => document.lineOf(path as (string | number)[]), geographyProblems);
	const problems = result.ok ? [] : result.problems;
	const id = document.get(['id']);
	if (key !== undefined && id !== key)
		problems.unshift({
			path: 'id',
			line: document.lineOf(['id']),
			message: `the id of a saved scenario stays "${key}"`,
			at: ['id'],
			code: 'id-fixed',
			params: { key }
		});
	return { scenario: result.ok && problems.length === 0 ? result.scenario : null, problems };
}
