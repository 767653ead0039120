/**
 * Scoring (pure). A team's score per objective combines:
 * - quality: the chosen option's points per objective (scenario-defined);
 * - timeliness: full credit when answered within the expected time, falling
 *   linearly to half credit at the deadline (harmful, negative points are not
 *   softened by speed);
 * - compliance: a choice marked as breaking a rule loses its penalty on the
 *   objective named, and is flagged in the review;
 * - coordination: passing an inject on to the teams that need it, with the
 *   same timeliness curve (full credit within the expected time, half at
 *   twice that, nothing after);
 * - controller adjustments, each with a written reason.
 * The maximum per objective is what was achievable: the best single option of
 * each closed decision (`bestOption`) plus every closed sharing expectation.
 */
import { MINUTE } from '../exercise/clock';
import type { ObjectivePoints } from '../exercise/events';
import type { ExerciseState } from '../exercise/state';
import type { Decision, DecisionOption } from '../scenario/schema';

export const LATE_FLOOR = 0.5;

/** 1 up to `expectedMs`, falling linearly to LATE_FLOOR at `deadlineMs`. */
export function lateness(latencyMs: number, expectedMs: number, deadlineMs: number): number {
	if (latencyMs <= expectedMs) return 1;
	if (latencyMs >= deadlineMs || deadlineMs === expectedMs) return LATE_FLOOR;
	return 1 - (1 - LATE_FLOOR) * ((latencyMs - expectedMs) / (deadlineMs - expectedMs));
}

export function timelinessFactor(latencyMs: number, decision: Pick<Decision, 'expectedWithinMinutes' | 'deadlineMinutes'>): number {
	return lateness(latencyMs, decision.expectedWithinMinutes * MINUTE, decision.deadlineMinutes * MINUTE);
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** What choosing `option` earns per objective at this timeliness: positive points scaled by it, less the option's violation penalty. */
function optionPoints(option: DecisionOption, timeliness: number): ObjectivePoints {
	const points: ObjectivePoints = {};
	for (const [objective, value] of Object.entries(option.scores)) points[objective] = round1(value > 0 ? value * timeliness : value);
	const violation = option.violation ?? null;
	if (violation) points[violation.objective] = round1((points[violation.objective] ?? 0) - violation.penalty);
	return points;
}

const total = (points: ObjectivePoints) => Object.values(points).reduce((sum, p) => sum + p, 0);

/** The best option: the one whose answer in time earns the highest total over all objectives (penalty deducted); the first listed when two tie. */
export function bestOption(decision: Decision): DecisionOption {
	return decision.options.reduce((best, o) => (total(optionPoints(o, 1)) > total(optionPoints(best, 1)) ? o : best));
}

/**
 * A decision's maximum per objective: what its best option earns when chosen in time, so that answer scores
 * full marks. Every objective an option scores gets a maximum; one the best option earns nothing on (or loses
 * points on) has a maximum of 0.
 */
export function maxPointsFor(decision: Decision): ObjectivePoints {
	const best = optionPoints(bestOption(decision), 1);
	const max: ObjectivePoints = {};
	for (const option of decision.options) for (const objective of Object.keys(option.scores)) max[objective] = Math.max(0, best[objective] ?? 0);
	return max;
}

export function scoreDecision(decision: Decision, optionId: string, latencyMs: number) {
	const option = decision.options.find((o) => o.id === optionId);
	if (!option) throw new Error(`unknown option "${optionId}"`);
	const timeliness = round2(timelinessFactor(latencyMs, decision));
	return {
		points: optionPoints(option, timeliness),
		maxPoints: maxPointsFor(decision),
		timeliness,
		quality: { ...option.scores },
		violation: option.violation ?? null,
		explanation: { label: option.label, feedback: option.feedback ?? null, ...(option.translations ? { translations: option.translations } : {}) }
	};
}

/** Coordination credit for passing an inject on `latencyMs` after it arrived. */
export function scoreShare(latencyMs: number, withinMs: number, maxPoints: number): number {
	return round1(maxPoints * lateness(latencyMs, withinMs, 2 * withinMs));
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
	shared: number;
	notShared: number;
	violations: number;
}

/** Scores per team and objective over closed decisions and expectations, plus adjustments (a projection of the state). */
export function teamScores(state: ExerciseState): TeamScore[] {
	const scenario = state.scenario;
	if (!scenario) return [];
	const byTeam = new Map<string, TeamScore>();
	for (const t of scenario.teams) {
		const objectives = Object.fromEntries(scenario.objectives.map((o) => [o.id, { earned: 0, max: 0 }]));
		byTeam.set(t.id, { team: t.id, objectives, earned: 0, max: 0, decided: 0, expired: 0, open: 0, shared: 0, notShared: 0, violations: 0 });
	}
	const add = (score: TeamScore, objective: string, earned: number, max: number) => {
		const slot = (score.objectives[objective] ??= { earned: 0, max: 0 });
		slot.earned = round1(slot.earned + earned);
		slot.max = round1(slot.max + max);
		score.earned = round1(score.earned + earned);
		score.max = round1(score.max + max);
	};
	for (const d of Object.values(state.decisions)) {
		const score = byTeam.get(d.team);
		if (!score) continue;
		if (d.status === 'open') {
			score.open++;
			continue;
		}
		if (d.status === 'decided') score.decided++;
		else score.expired++;
		if (d.violation) score.violations++;
		for (const [objective, max] of Object.entries(d.maxPoints)) add(score, objective, 0, max);
		for (const [objective, earned] of Object.entries(d.points)) add(score, objective, earned, 0);
	}
	for (const s of Object.values(state.shares)) {
		const score = byTeam.get(s.team);
		if (!score || s.status === 'open') continue;
		if (s.status === 'met') score.shared++;
		else score.notShared++;
		add(score, s.objective, s.points, s.maxPoints);
	}
	for (const a of state.adjustments) {
		const score = byTeam.get(a.team);
		if (score) add(score, a.objective, a.points, 0);
	}
	return [...byTeam.values()];
}

/** Percentage of the achievable points, or null when nothing has been scored yet. */
export function percent(score: ObjectiveScore): number | null {
	return score.max > 0 ? Math.round((score.earned / score.max) * 100) : null;
}
