/**
 * A team's inbox, as a pure projection of its exercise view: every inject it has received (each with the
 * decision it asks of the team, if any) and every inject another team passed on to it, newest first; and the
 * decisions due, soonest deadline first. No I/O, no clock reads: `now` is passed in.
 */
import type { ForwardedInject } from '$lib/engine/exercise/events';
import { decisionKey, own, type DecisionState, type ExerciseState, type InjectState, type Message } from '$lib/engine/exercise/state';
import { m } from '$lib/paraglide/messages';

export type { ForwardedInject };

export type InboxItem =
	| { kind: 'inject'; id: string; at: number; inject: InjectState; decision: DecisionState | null }
	| { kind: 'passed-on'; id: string; at: number; message: Message; forwarded: ForwardedInject };

/** The inject a message passes on, where the engine attached one (older logs and plain messages have none). */
export function forwardedOf(message: Message): ForwardedInject | null {
	return message.forwarded ?? null;
}

/** The inbox item id of an inject passed on by a message (an inject's own item id is the inject id). */
export const passedOnId = (messageId: string) => `passed:${messageId}`;

export function inboxItems(state: ExerciseState, team: string): InboxItem[] {
	const items: InboxItem[] = [];
	for (const id of state.injectOrder) {
		const inject = own(state.injects, id);
		if (!inject || inject.status !== 'released') continue;
		if (!inject.inject.to.includes(team)) continue;
		items.push({ kind: 'inject', id, at: inject.releasedAt ?? 0, inject, decision: own(state.decisions, decisionKey(id, team)) ?? null });
	}
	for (const message of state.messages) {
		const forwarded = forwardedOf(message);
		if (!forwarded || message.fromTeam === team || !message.to.includes(team)) continue;
		items.push({ kind: 'passed-on', id: passedOnId(message.messageId), at: message.at, message, forwarded });
	}
	// Newest first; at the same minute, the later one in the log first.
	return items
		.map((item, index) => ({ item, index }))
		.sort((a, b) => b.item.at - a.item.at || b.index - a.index)
		.map(({ item }) => item);
}

export type Urgency = 'overdue' | 'soon' | 'normal';

export interface DueDecision {
	injectId: string;
	title: string;
	/** Until the deadline, ms (never negative). */
	remainingMs: number;
	/** `overdue`: past the expected response time (credit is falling); `soon`: the deadline is under `SOON_MS` away. */
	urgency: Urgency;
}

/** A deadline closer than this (exercise time) is shown as soon. */
export const SOON_MS = 3 * 60_000;

export function dueDecisions(state: ExerciseState, team: string, now: number): DueDecision[] {
	return Object.values(state.decisions)
		.filter((d) => d.team === team && d.status === 'open')
		.sort((a, b) => a.deadlineAt - b.deadlineAt)
		.map((d) => {
			const remainingMs = Math.max(0, d.deadlineAt - now);
			const urgency: Urgency = now > d.expectedBy ? 'overdue' : remainingMs < SOON_MS ? 'soon' : 'normal';
			return { injectId: d.injectId, title: own(state.injects, d.injectId)?.inject.title ?? m.team_decision_untitled(), remainingMs, urgency };
		});
}

/** Whether an item asks the team for a decision that is still open. */
export const asksDecision = (item: InboxItem) => item.kind === 'inject' && item.decision?.status === 'open';
