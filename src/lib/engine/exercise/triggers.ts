/**
 * Triggers: the conditional injects that events of play fire. Each kind of
 * trigger has its own matcher, which says why an event fires it (the cause
 * recorded with `inject.triggered`) or that it does not.
 */
import { MINUTE } from './clock';
import type { DomainEventBody } from './events';
import type { Trigger } from '../scenario/schema';
import { watersFor } from '../sim/simulation';
import { own, type ExerciseState } from './state';

type Kind<K extends string> = Extract<Trigger, Record<K, unknown>>;

function decisionTaken(t: Kind<'decision'>, b: DomainEventBody): string | null {
	if (b.type !== 'decision.submitted' || b.injectId !== t.decision || (t.option && t.option !== b.optionId) || (t.team && t.team !== b.team)) return null;
	return `${b.team} chose "${b.optionId}" on "${b.injectId}"`;
}

function missed(t: Kind<'missed'>, b: DomainEventBody): string | null {
	if (b.type === 'decision.expired' && b.injectId === t.missed && (!t.team || t.team === b.team)) return `${b.team} missed the deadline on "${b.injectId}"`;
	if (b.type === 'coordination.missed' && b.injectId === t.missed && (!t.team || t.team === b.team))
		return `${b.team} did not pass "${b.injectId}" on to ${b.target}`;
	return null;
}

function messaged(t: Kind<'message'>, b: DomainEventBody): string | null {
	if (b.type !== 'message.sent' || b.fromTeam !== t.message.from || (t.message.to && !b.to.includes(t.message.to))) return null;
	return `${b.fromTeam} messaged ${b.to.join(', ')}`;
}

function crossed(t: Kind<'area'>, b: DomainEventBody): string | null {
	if (b.type !== 'area.crossed' || b.entityId !== t.area.entity || b.area !== t.area.area || b.on !== t.area.on) return null;
	return `${b.entityId} ${b.on === 'enter' ? 'entered' : 'left'} ${b.area}`;
}

function intercepted(t: Kind<'intercept'>, b: DomainEventBody, state: ExerciseState): string | null {
	// Only a vessel's intercept stops and boards; an aircraft overhead (shadowing) does not fire intercept triggers.
	if (b.type !== 'intercept.achieved' || b.shadowing || b.target !== t.intercept.target || (t.intercept.team && t.intercept.team !== b.team)) return null;
	const teamState = state.scenario?.teams.find((x) => x.id === b.team)?.state;
	if (t.intercept.waters && t.intercept.waters !== watersFor(b.waters, teamState)) return null;
	return `${b.entityId} intercepted ${b.target} (${b.waters.kind === 'high-seas' ? 'outside any territorial sea' : `${b.waters.state} waters`})`;
}

function detected(t: Kind<'detected'>, b: DomainEventBody): string | null {
	if (b.type !== 'contact.detected' || b.contact !== t.detected.contact || (t.detected.team && t.detected.team !== b.team)) return null;
	return `${b.team} detected ${b.contact}`;
}

function alerted(t: Kind<'alert'>, b: DomainEventBody): string | null {
	if (b.type !== 'simulation.alert' || b.alert !== t.alert.type || (t.alert.entity && t.alert.entity !== b.entityId)) return null;
	return `${b.alert} on ${b.entityId}`;
}

/** Why event `b` fires trigger `t`, or null if it does not. */
function causeOf(t: Trigger, b: DomainEventBody, state: ExerciseState): string | null {
	if ('decision' in t) return decisionTaken(t, b);
	if ('missed' in t) return missed(t, b);
	if ('message' in t) return messaged(t, b);
	if ('area' in t) return crossed(t, b);
	if ('intercept' in t) return intercepted(t, b, state);
	if ('detected' in t) return detected(t, b);
	if ('alert' in t) return alerted(t, b);
	const unknown: never = t;
	throw new Error(`unknown trigger ${JSON.stringify(unknown)}`);
}

/** Conditional injects whose trigger one of these events fires, due `delayMinutes` after exercise time `at`. */
export function triggered(state: ExerciseState, bodies: readonly DomainEventBody[], at: number): DomainEventBody[] {
	const fired: DomainEventBody[] = [];
	for (const id of state.injectOrder) {
		const waiting = own(state.injects, id);
		const t = waiting?.inject.trigger;
		if (waiting?.status !== 'waiting' || !t) continue;
		const cause = bodies.map((b) => causeOf(t, b, state)).find((c) => c !== null);
		if (cause) fired.push({ type: 'inject.triggered', injectId: id, dueAt: at + t.delayMinutes * MINUTE, cause });
	}
	return fired;
}
