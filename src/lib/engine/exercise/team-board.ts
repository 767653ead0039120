/**
 * The control room's team board: for each team, who is connected, its open decisions with the time left,
 * what it has missed, its messages to exercise control still waiting for an answer, and when it last did something.
 */
import type { Scenario } from '../scenario/schema';
import { EXERCISE_CONTROL } from '../scenario/vocabulary';
import type { DomainEvent, TeamMode } from './events';
import { own, type ExerciseState, type Message } from './state';

export type { TeamMode };

export interface BoardDecision {
	injectId: string;
	title: string;
	/** Exercise ms until the deadline (negative never: an expired one is no longer open). */
	leftMs: number;
	/** Past the time the team was expected to answer by (still open until the deadline). */
	overdue: boolean;
	options: { id: string; label: string }[];
}

export interface TeamBoardRow {
	team: string;
	name: string;
	agency: string;
	mode: TeamMode;
	online: string[];
	open: BoardDecision[];
	/** Decisions whose deadline passed unanswered; `missedWhileAbsent` of them while the team was marked absent. */
	missed: number;
	missedWhileAbsent: number;
	decided: number;
	/** Its messages to exercise control not yet answered, oldest first. */
	waiting: { messageId: string; at: number; waitedMs: number }[];
	/** Exercise ms of the team's last own action (decision, message, order), or null if none yet. */
	lastActivityAt: number | null;
}

export interface PresentMember {
	role: string;
	name: string;
	team: string | null;
}

export function teamModeOf(state: ExerciseState, team: string): TeamMode {
	return own(state.teamModes, team) ?? 'playing';
}

/** Whether a message to exercise control still waits for an answer. */
export function isUnanswered(message: Message): boolean {
	return message.to.includes(EXERCISE_CONTROL) && message.answeredAt === null;
}

function lastActivities(events: readonly DomainEvent[]): Map<string, number> {
	const last = new Map<string, number>();
	// A team member's actor is "team:<team>:<name>".
	for (const e of events) {
		const [kind, team] = e.actor.split(':');
		if (kind === 'team' && team) last.set(team, e.at);
	}
	return last;
}

export function teamBoard(state: ExerciseState, events: readonly DomainEvent[], members: readonly PresentMember[], now: number): TeamBoardRow[] {
	const scenario: Scenario | null = state.scenario;
	if (!scenario) return [];
	const last = lastActivities(events);
	const decisions = Object.values(state.decisions);
	return scenario.teams.map((t) => {
		const own = decisions.filter((d) => d.team === t.id);
		const missed = own.filter((d) => d.status === 'expired');
		const open = own
			.filter((d) => d.status === 'open')
			.sort((a, b) => a.deadlineAt - b.deadlineAt)
			.map((d): BoardDecision => {
				const inject = state.injects[d.injectId]?.inject;
				return {
					injectId: d.injectId,
					title: inject?.title ?? '',
					leftMs: Math.max(0, d.deadlineAt - now),
					overdue: now > d.expectedBy,
					options: inject?.decision?.options.map((o) => ({ id: o.id, label: o.label })) ?? []
				};
			});
		const waiting = state.messages
			.filter((m) => m.fromTeam === t.id && isUnanswered(m))
			.map((m) => ({ messageId: m.messageId, at: m.at, waitedMs: Math.max(0, now - m.at) }));
		return {
			team: t.id,
			name: t.name,
			agency: t.agency,
			mode: teamModeOf(state, t.id),
			online: members.filter((m) => m.role === 'participant' && m.team === t.id).map((m) => m.name),
			open,
			missed: missed.length,
			missedWhileAbsent: missed.filter((d) => d.teamAbsent).length,
			decided: own.filter((d) => d.status === 'decided').length,
			waiting,
			lastActivityAt: last.get(t.id) ?? null
		};
	});
}

/** A row needs the controller's eye: nobody online while it has open decisions, something overdue, or a message waiting. */
export function needsAttention(row: TeamBoardRow): boolean {
	if (row.mode !== 'playing') return row.mode === 'control' && row.open.length > 0;
	return row.waiting.length > 0 || row.open.some((d) => d.overdue) || (row.online.length === 0 && row.open.length > 0);
}
