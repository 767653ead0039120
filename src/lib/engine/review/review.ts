/**
 * After-action projections (pure): the state at any exercise time (replay),
 * the hot-wash summary, and the series behind the review charts. All are
 * folds over the same event log with the same reducer as the live views.
 */
import type { DomainEvent } from '../exercise/events';
import { decisionKey, foldEvents, forEachState, ratingKey, type ExerciseState, type RatingRevision } from '../exercise/state';
import { percent, teamScores } from './score-decision';

/** The exercise as it stood at exercise time `at` (events are in time order in the log). */
export function stateAt(events: readonly DomainEvent[], at: number): ExerciseState {
	const upTo = events.findIndex((e) => e.at > at);
	return foldEvents(events[0]?.exerciseId ?? '', upTo === -1 ? events : events.slice(0, upTo));
}

/** The latest exercise time in the log (the replay's end). */
export function lastTime(events: readonly DomainEvent[]): number {
	return events.reduce((max, e) => Math.max(max, e.at), 0);
}

export interface ObjectiveSummary {
	objective: string;
	name: string;
	percent: number | null;
	rating: RatingRevision | null;
}

export interface HotWash {
	teams: {
		team: string;
		name: string;
		percent: number | null;
		objectives: ObjectiveSummary[];
		strengths: string[];
		improvements: string[];
	}[];
	violations: { team: string; injectId: string; title: string; rule: string; penalty: number; at: number }[];
	/** Decisions that were never made and information never passed on. */
	unanswered: { team: string; injectId: string; title: string; what: 'decision' | 'sharing'; target?: string }[];
	observations: number;
}

export const STRENGTH_PERCENT = 75;
export const WEAK_PERCENT = 50;

/** Strengths: objectives at 75 % or more, or rated P; areas for improvement: under 50 %, or rated M or U. */
export function hotWash(state: ExerciseState): HotWash {
	const scenario = state.scenario;
	if (!scenario) return { teams: [], violations: [], unanswered: [], observations: 0 };
	const title = (injectId: string) => state.injects[injectId]?.inject.title ?? injectId;
	const teams = teamScores(state).map((score) => {
		const objectives = scenario.objectives.map((o) => {
			const revisions = state.ratings[ratingKey(score.team, o.id)];
			return { objective: o.id, name: o.name, percent: percent(score.objectives[o.id] ?? { earned: 0, max: 0 }), rating: revisions?.at(-1) ?? null };
		});
		const strengths = objectives
			.filter((o) => o.rating?.rating === 'P' || (o.rating === null && o.percent !== null && o.percent >= STRENGTH_PERCENT))
			.map((o) => o.name);
		const improvements = objectives
			.filter((o) => o.rating?.rating === 'M' || o.rating?.rating === 'U' || (o.rating === null && o.percent !== null && o.percent < WEAK_PERCENT))
			.map((o) => o.name);
		return {
			team: score.team,
			name: scenario.teams.find((t) => t.id === score.team)?.name ?? score.team,
			percent: percent(score),
			objectives,
			strengths,
			improvements
		};
	});
	const decisions = Object.values(state.decisions);
	const violations = decisions
		.filter((d) => d.violation)
		.map((d) => ({
			team: d.team,
			injectId: d.injectId,
			title: title(d.injectId),
			rule: d.violation!.rule,
			penalty: d.violation!.penalty,
			at: d.closedAt ?? d.openedAt
		}));
	const unanswered = [
		...decisions
			.filter((d) => d.status === 'expired')
			.map((d) => ({ team: d.team, injectId: d.injectId, title: title(d.injectId), what: 'decision' as const })),
		...Object.values(state.shares)
			.filter((s) => s.status === 'missed')
			.map((s) => ({ team: s.team, injectId: s.injectId, title: title(s.injectId), what: 'sharing' as const, target: s.target }))
	];
	return { teams, violations, unanswered, observations: state.observations.length };
}

export interface ScorePoint {
	at: number;
	/** Percent of achievable points so far (null until something is scored). */
	percent: number | null;
	earned: number;
}

/** Each team's score after every scoring event: the "score over time" chart. */
export function scoreSeries(events: readonly DomainEvent[]): Record<string, ScorePoint[]> {
	const series: Record<string, ScorePoint[]> = {};
	forEachState(events, (state, e) => {
		const scoring = e.type === 'decision.submitted' || e.type === 'decision.expired' || e.type.startsWith('coordination.') || e.type === 'score.adjusted';
		if (e.type === 'exercise.started' || scoring)
			for (const s of teamScores(state)) (series[s.team] ??= []).push({ at: e.at, percent: percent(s), earned: s.earned });
	});
	return series;
}

export interface LatencyPoint {
	injectId: string;
	title: string;
	latencyMs: number | null;
	status: 'decided' | 'expired';
}

/** How long each team took over each closed decision (null: missed). */
export function decisionLatencies(state: ExerciseState): Record<string, LatencyPoint[]> {
	const out: Record<string, LatencyPoint[]> = {};
	for (const d of Object.values(state.decisions)) {
		if (d.status === 'open') continue;
		(out[d.team] ??= []).push({
			injectId: d.injectId,
			title: state.injects[d.injectId]?.inject.title ?? d.injectId,
			latencyMs: d.latencyMs,
			status: d.status
		});
	}
	for (const list of Object.values(out))
		list.sort((a, b) => (state.decisions[decisionKey(a.injectId, '')]?.openedAt ?? 0) - (state.decisions[decisionKey(b.injectId, '')]?.openedAt ?? 0));
	return out;
}

export interface SharingEdge {
	from: string;
	to: string;
	messages: number;
	/** Mean time from an inject's release to the message passing it on, when messages referenced injects. */
	meanShareLatencyMs: number | null;
}

/** Who messaged whom, how often and how fast: the information-sharing graph. */
export function sharingGraph(state: ExerciseState): { teams: string[]; edges: SharingEdge[] } {
	const edges = new Map<string, { from: string; to: string; messages: number; latencies: number[] }>();
	for (const m of state.messages)
		for (const to of m.to) {
			const key = `${m.fromTeam}>${to}`;
			const edge = edges.get(key) ?? { from: m.fromTeam, to, messages: 0, latencies: [] };
			edge.messages++;
			const released = m.refInjectId ? state.injects[m.refInjectId]?.releasedAt : null;
			if (released !== null && released !== undefined) edge.latencies.push(m.at - released);
			edges.set(key, edge);
		}
	return {
		teams: state.scenario?.teams.map((t) => t.id) ?? [],
		edges: [...edges.values()].map(({ latencies, ...e }) => ({
			...e,
			meanShareLatencyMs: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : null
		}))
	};
}
