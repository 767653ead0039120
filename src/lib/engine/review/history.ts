/**
 * The runs of one scenario side by side: how each team did on each objective,
 * so planners can see whether a second run went better than the first.
 */
import type { ExerciseState, ExerciseStatus } from '../exercise/state';
import { percent, teamScores } from './score-decision';

/** One run of a scenario with its scores, for comparing runs. */
export interface ExerciseHistoryRow {
	exerciseId: string;
	title: string;
	/** The library version of the scenario this run played (null: from before the studio kept versions). */
	scenarioVersion: number | null;
	status: ExerciseStatus;
	createdWall: number;
	/** Percent of achievable points per team per objective (null: nothing scored). */
	scores: Record<string, Record<string, number | null>>;
}

/** The runs of `scenarioId` among `exercises`, oldest first. */
export function scenarioHistory(exercises: readonly ExerciseState[], scenarioId: string): ExerciseHistoryRow[] {
	return exercises
		.filter((s) => s.scenario?.id === scenarioId)
		.sort((a, b) => a.createdWall - b.createdWall)
		.map((s) => ({
			exerciseId: s.id,
			title: s.title,
			scenarioVersion: s.scenarioVersion,
			status: s.status,
			createdWall: s.createdWall,
			scores: objectivePercents(s)
		}));
}

/** Percent per objective, per team. */
function objectivePercents(state: ExerciseState): ExerciseHistoryRow['scores'] {
	return Object.fromEntries(teamScores(state).map((t) => [t.team, Object.fromEntries(Object.entries(t.objectives).map(([o, score]) => [o, percent(score)]))]));
}
