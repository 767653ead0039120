/**
 * The dry run (pure): a scenario played headless at full speed through the same machine as live play
 * (`decide`, `committed`, `nextWakeAt`), along one path of answers, with nothing stored. The loop does what the
 * server's registry does with a live exercise — START, then a TICK at each next due time the state names — and
 * adds the teams: each deciding team answers each decision `expectedWithinMinutes` after its release (so on-time
 * scoring applies) with the option the path picks, or not at all. At the scenario's planned end it ticks once
 * more and ENDs. Teams never message nor task assets, so what waits on that (message, intercept and detection
 * triggers, hand-offs) happens only if the simulation makes it happen: the result lists it as depending on play.
 * The result is plain JSON; the time the run took is the caller's to measure (no clock here).
 */
import { MINUTE } from '../exercise/clock';
import type { Command, CommandBody } from '../exercise/commands';
import type { DomainEvent, ObjectivePoints, TriggerCause } from '../exercise/events';
import { committed, decide, nextWakeAt, snapshotFor, type ExerciseSnapshot } from '../exercise/machine';
import { foldEvents } from '../exercise/state';
import { timelineEntry, type TimelineEntry } from '../review/timeline';
import { bestOption, scoreDecision, teamScores, type TeamScore } from '../review/score-decision';
import type { Decision, Inject, Scenario } from '../scenario/schema';
import { decidingTeams } from '../scenario/kinds';

/**
 * Which answers the teams give: the best option everywhere (highest total over the objectives, a violation's
 * penalty counted), the worst, none at all, or per decision (`null`: no answer; an inject not listed, or an
 * option the inject does not have, falls back to the best).
 */
export type DryRunPath = { kind: 'best' } | { kind: 'worst' } | { kind: 'none' } | { kind: 'chosen'; choices: Record<string, string | null> };

/** Why an inject went out: at its minute on the MSEL, or because its trigger fired (what fired it, and when). */
export type FiredCause = { kind: 'timed' } | { kind: 'triggered'; because: TriggerCause | null; text: string; triggeredAt: number };

export interface FiredInject {
	injectId: string;
	/** Exercise ms. */
	at: number;
	teams: string[];
	cause: FiredCause;
}

export interface DryRunDecision {
	injectId: string;
	team: string;
	/** The option chosen; null when nobody answered. */
	optionId: string | null;
	/** When it was answered or expired (exercise ms); for one still open at the end, when it was released. */
	at: number;
	expired: boolean;
	/** Released too close to the end: neither answered nor expired when play ended. */
	openAtEnd: boolean;
	points: ObjectivePoints;
	maxPoints: ObjectivePoints;
}

/** What makes a trigger depend on the teams' own play, which the dry run does not play. */
export type PlayDependence = 'message' | 'intercept' | 'detected' | 'hand-off';

export interface DependsOnPlay {
	injectId: string;
	reason: PlayDependence;
	/** Whether it fired anyway along this path (the simulation made it happen, or a hand-off was missed). */
	fired: boolean;
}

export interface DryRunResult {
	path: DryRunPath['kind'];
	fired: FiredInject[];
	decisions: DryRunDecision[];
	scores: TeamScore[];
	expired: { injectId: string; team: string; at: number }[];
	/** Injects that never went out along this path, in MSEL order. */
	neverReached: string[];
	dependsOnPlay: DependsOnPlay[];
	timeline: TimelineEntry[];
	/** Exercise ms at which play ended: the scenario's planned length (earlier only when truncated). */
	endedAt: number;
	eventCount: number;
	/** The run stopped at its command limit before the planned end (a draft whose triggers keep firing one another). */
	truncated: boolean;
}

const EXERCISE_ID = 'dry-run';
/** Wall time of STARTEX; the clock runs at 1×, so wall time is this plus exercise time. */
const WALL_AT_START = 0;
/** More commands than any scenario the schema allows needs (2,000 injects, 24 h of half-minute sweeps). */
const MAX_COMMANDS = 100_000;

const total = (points: ObjectivePoints) => Object.values(points).reduce((sum, p) => sum + p, 0);

/** The option that earns the least when answered in time (the first listed when two tie). */
function worstOption(decision: Decision) {
	const earned = (id: string) => total(scoreDecision(decision, id, 0).points);
	return decision.options.reduce((worst, o) => (earned(o.id) < earned(worst.id) ? o : worst));
}

/** The option the path answers an inject's decision with, or null for no answer. */
function answerFor(path: DryRunPath, inject: Inject): string | null {
	const decision = inject.decision;
	if (!decision) return null;
	switch (path.kind) {
		case 'none':
			return null;
		case 'worst':
			return worstOption(decision).id;
		case 'best':
			return bestOption(decision).id;
		case 'chosen': {
			const choice = Object.hasOwn(path.choices, inject.id) ? path.choices[inject.id] : undefined;
			if (choice === null) return null;
			return choice !== undefined && decision.options.some((o) => o.id === choice) ? choice : bestOption(decision).id;
		}
	}
}

function dependenceOf(inject: Inject, scenario: Scenario): PlayDependence | null {
	const t = inject.trigger;
	if (!t) return null;
	if ('message' in t) return 'message';
	if ('intercept' in t) return 'intercept';
	if ('detected' in t) return 'detected';
	// A contingency on an inject teams are expected to pass on fires when they do not: in a dry run, always.
	if ('missed' in t && (scenario.injects.find((i) => i.id === t.missed)?.shareWith.length ?? 0) > 0) return 'hand-off';
	return null;
}

interface Answer {
	at: number;
	injectId: string;
	team: string;
	optionId: string;
}

/** Plays `scenario` along `path` from STARTEX to its planned end. */
export function dryRun(scenario: Scenario, path: DryRunPath): DryRunResult {
	const endedAt = scenario.durationMinutes * MINUTE;
	const log: DomainEvent[] = [
		{ type: 'exercise.created', title: scenario.title, scenario, exerciseId: EXERCISE_ID, at: 0, wall: WALL_AT_START, actor: 'system', seq: 1 }
	];
	let snapshot: ExerciseSnapshot = snapshotFor(foldEvents(EXERCISE_ID, log));
	/** Answers still to give, in time order (then in the order their injects went out). */
	const answers: Answer[] = [];
	let commands = 0;

	/** Runs one command as the registry does (decide, store, commit); returns whether it was accepted. */
	function send(body: CommandBody, at: number, actor: string): boolean {
		commands++;
		const result = decide(snapshot, { ...body, wall: WALL_AT_START + at, actor } as Command);
		if (!result.ok) return false;
		const stored = result.events.map((e, i) => ({ ...e, seq: log.length + i + 1 }) as DomainEvent);
		log.push(...stored);
		snapshot = committed(result.snapshot, stored);
		for (const e of stored) {
			if (e.type !== 'inject.released') continue;
			const optionId = answerFor(path, e.inject);
			if (optionId === null || !e.inject.decision) continue;
			const answerAt = e.at + e.inject.decision.expectedWithinMinutes * MINUTE;
			for (const team of decidingTeams(e.inject)) {
				const after = answers.findIndex((a) => a.at > answerAt);
				answers.splice(after === -1 ? answers.length : after, 0, { at: answerAt, injectId: e.injectId, team, optionId });
			}
		}
		return true;
	}

	send({ type: 'START' }, 0, 'system');
	let now = 0;
	let wakeAt = nextWakeAt(snapshot.context.state, now);
	while (commands < MAX_COMMANDS) {
		const answer = answers[0];
		const next = Math.max(now, Math.min(answer?.at ?? Infinity, wakeAt ?? Infinity));
		if (next > endedAt) break;
		now = next;
		// A team answering at the moment something falls due answers first, as a deadline is met at its minute.
		if (answer && answer.at <= now) {
			answers.shift();
			send({ type: 'DECIDE', injectId: answer.injectId, team: answer.team, optionId: answer.optionId, by: 'dry run' }, now, `team:${answer.team}`);
		} else send({ type: 'TICK' }, now, 'system');
		wakeAt = nextWakeAt(snapshot.context.state, now);
	}
	const truncated = commands >= MAX_COMMANDS;
	if (!truncated) send({ type: 'TICK' }, endedAt, 'system');
	const endAt = truncated ? now : endedAt;
	send({ type: 'END' }, endAt, 'controller:dry run');
	return resultOf(scenario, path, log, snapshot, endAt, truncated);
}

function resultOf(
	scenario: Scenario,
	path: DryRunPath,
	log: readonly DomainEvent[],
	snapshot: ExerciseSnapshot,
	endedAt: number,
	truncated: boolean
): DryRunResult {
	const state = snapshot.context.state;
	const triggeredBy = new Map<string, FiredCause>();
	const fired: FiredInject[] = [];
	const decisions: DryRunDecision[] = [];
	for (const e of log) {
		if (e.type === 'inject.triggered') triggeredBy.set(e.injectId, { kind: 'triggered', because: e.because ?? null, text: e.cause, triggeredAt: e.at });
		else if (e.type === 'inject.released')
			fired.push({ injectId: e.injectId, at: e.at, teams: e.inject.to, cause: triggeredBy.get(e.injectId) ?? { kind: 'timed' } });
		else if (e.type === 'decision.submitted')
			decisions.push({
				injectId: e.injectId,
				team: e.team,
				optionId: e.optionId,
				at: e.at,
				expired: false,
				openAtEnd: false,
				points: e.points,
				maxPoints: e.maxPoints
			});
		else if (e.type === 'decision.expired')
			decisions.push({ injectId: e.injectId, team: e.team, optionId: null, at: e.at, expired: true, openAtEnd: false, points: {}, maxPoints: e.maxPoints });
	}
	for (const d of Object.values(state.decisions))
		if (d.status === 'open')
			decisions.push({ injectId: d.injectId, team: d.team, optionId: null, at: d.openedAt, expired: false, openAtEnd: true, points: {}, maxPoints: {} });
	const firedIds = new Set(fired.map((f) => f.injectId));
	const dependsOnPlay = scenario.injects.flatMap((i) => {
		const reason = dependenceOf(i, scenario);
		return reason ? [{ injectId: i.id, reason, fired: firedIds.has(i.id) }] : [];
	});
	return {
		path: path.kind,
		fired,
		decisions,
		scores: teamScores(state),
		expired: decisions.filter((d) => d.expired).map(({ injectId, team, at }) => ({ injectId, team, at })),
		neverReached: scenario.injects.filter((i) => !firedIds.has(i.id)).map((i) => i.id),
		dependsOnPlay,
		timeline: log.map((e) => timelineEntry(e, scenario)),
		endedAt,
		eventCount: log.length,
		truncated
	};
}
