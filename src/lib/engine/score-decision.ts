/**
 * Decision scoring (pure). A decision earns its chosen option's points per
 * objective, scaled by timeliness: full credit when answered within the
 * expected time, falling linearly to half credit at the deadline. Harmful
 * choices (negative points) are not softened by speed. The maximum per
 * objective is the best any option offers, so teams are scored against what
 * was achievable.
 */
import { MINUTE } from './clock';
import type { ObjectivePoints } from './events';
import type { ExerciseState } from './exercise-state';
import type { Decision } from './scenario-schema';

export const LATE_FLOOR = 0.5;

export function timelinessFactor(latencyMs: number, decision: Pick<Decision, 'expectedWithinMinutes' | 'deadlineMinutes'>): number {
	const expected = decision.expectedWithinMinutes * MINUTE;
	const deadline = decision.deadlineMinutes * MINUTE;
	if (latencyMs <= expected) return 1;
	if (latencyMs >= deadline || deadline === expected) return LATE_FLOOR;
	return 1 - (1 - LATE_FLOOR) * ((latencyMs - expected) / (deadline - expected));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function maxPointsFor(decision: Decision): ObjectivePoints {
	const max: ObjectivePoints = {};
	for (const option of decision.options)
		for (const [objective, points] of Object.entries(option.scores)) max[objective] = Math.max(max[objective] ?? 0, points);
	return max;
}

export function scoreDecision(decision: Decision, optionId: string, latencyMs: number) {
	const option = decision.options.find((o) => o.id === optionId);
	if (!option) throw new Error(`unknown option "${optionId}"`);
	const timeliness = round1(timelinessFactor(latencyMs, decision) * 100) / 100;
	const points: ObjectivePoints = {};
	for (const [objective, value] of Object.entries(option.scores))
		points[objective] = round1(value > 0 ? value * timeliness : value);
	return { points, maxPoints: maxPointsFor(decision), timeliness };
}

export interface ObjectiveScore {
	earned: number;
	max: number;
}
export interface TeamScore {
	team: string;
	objectives: Record<string, ObjectiveScore>;
	earned: number;
	max: number;
	decided: number;
	expired: number;
	open: number;
}

/** Scores per team and objective over closed decisions (a projection of the state). */
export function teamScores(state: ExerciseState): TeamScore[] {
	const scenario = state.scenario;
	if (!scenario) return [];
	const byTeam = new Map<string, TeamScore>();
	for (const t of scenario.teams) {
		const objectives = Object.fromEntries(scenario.objectives.map((o) => [o.id, { earned: 0, max: 0 }]));
		byTeam.set(t.id, { team: t.id, objectives, earned: 0, max: 0, decided: 0, expired: 0, open: 0 });
	}
	for (const d of Object.values(state.decisions)) {
		const score = byTeam.get(d.team);
		if (!score) continue;
		if (d.status === 'open') {
			score.open++;
			continue;
		}
		if (d.status === 'decided') score.decided++;
		else score.expired++;
		for (const [objective, max] of Object.entries(d.maxPoints)) {
			const slot = (score.objectives[objective] ??= { earned: 0, max: 0 });
			slot.max += max;
			score.max += max;
		}
		for (const [objective, earned] of Object.entries(d.points)) {
			const slot = (score.objectives[objective] ??= { earned: 0, max: 0 });
			slot.earned = round1(slot.earned + earned);
			score.earned = round1(score.earned + earned);
		}
	}
	return [...byTeam.values()];
}

/** Percentage of the achievable points, or null when nothing has been scored yet. */
export function percent(score: ObjectiveScore): number | null {
	return score.max > 0 ? Math.round((score.earned / score.max) * 100) : null;
}
