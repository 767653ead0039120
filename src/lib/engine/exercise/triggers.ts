/**
 * Triggers: the conditional injects that events of play fire. Each kind of
 * trigger has its own matcher, which says why an event fires it (the cause
 * recorded with `inject.triggered`) or that it does not.
 */
import { MINUTE } from './clock';
import type { DomainEventBody, TriggerCause } from './events';
import type { Trigger } from '../scenario/schema';
import { EXERCISE_CONTROL } from '../scenario/vocabulary';
import { watersFor } from '../sim/simulation';
import { own, type ExerciseState } from './state';

type Kind<K extends string> = Extract<Trigger, Record<K, unknown>>;

/** The names a cause is worded in (a cause is read by controllers and evaluators: names, never ids). */
function namesIn(state: ExerciseState) {
	const scenario = state.scenario;
	const injectOf = (id: string) => own(state.injects, id)?.inject ?? scenario?.injects.find((i) => i.id === id);
	return {
		team: (id: string) => (id === EXERCISE_CONTROL ? 'Exercise control' : (scenario?.teams.find((t) => t.id === id)?.name ?? id)),
		inject: (id: string) => `“${injectOf(id)?.title ?? id}”`,
		option: (injectId: string, optionId: string) => `“${injectOf(injectId)?.decision?.options.find((o) => o.id === optionId)?.label ?? optionId}”`,
		entity: (id: string) => own(state.entities, id)?.name ?? scenario?.entities.find((e) => e.id === id)?.name ?? id,
		area: (id: string) => scenario?.areas.find((a) => a.id === id)?.name ?? id
	};
}
type Names = ReturnType<typeof namesIn>;

/** A cause: the English sentence for logs, and the same as data for the browser. */
type Cause = { text: string; because: TriggerCause };

function decisionTaken(t: Kind<'decision'>, b: DomainEventBody, n: Names): Cause | null {
	if (b.type !== 'decision.submitted' || b.injectId !== t.decision || (t.option && t.option !== b.optionId) || (t.team && t.team !== b.team)) return null;
	return {
		text: `${n.team(b.team)} chose ${n.option(b.injectId, b.optionId)} on ${n.inject(b.injectId)}`,
		because: { kind: 'decision', team: b.team, inject: b.injectId, option: b.optionId }
	};
}

function missed(t: Kind<'missed'>, b: DomainEventBody, n: Names): Cause | null {
	if (b.type === 'decision.expired' && b.injectId === t.missed && (!t.team || t.team === b.team))
		return { text: `${n.team(b.team)} missed the deadline on ${n.inject(b.injectId)}`, because: { kind: 'missed', team: b.team, inject: b.injectId } };
	if (b.type === 'coordination.missed' && b.injectId === t.missed && (!t.team || t.team === b.team))
		return {
			text: `${n.team(b.team)} did not pass ${n.inject(b.injectId)} on to ${n.team(b.target)}`,
			because: { kind: 'not-passed-on', team: b.team, inject: b.injectId, target: b.target }
		};
	return null;
}

function messaged(t: Kind<'message'>, b: DomainEventBody, n: Names): Cause | null {
	if (b.type !== 'message.sent' || b.fromTeam !== t.message.from || (t.message.to && !b.to.includes(t.message.to))) return null;
	return { text: `${n.team(b.fromTeam)} messaged ${b.to.map(n.team).join(', ')}`, because: { kind: 'message', from: b.fromTeam, to: b.to } };
}

function crossed(t: Kind<'area'>, b: DomainEventBody, n: Names): Cause | null {
	if (b.type !== 'area.crossed' || b.entityId !== t.area.entity || b.area !== t.area.area || b.on !== t.area.on) return null;
	return {
		text: `${n.entity(b.entityId)} ${b.on === 'enter' ? 'entered' : 'left'} ${n.area(b.area)}`,
		because: { kind: 'area', entity: b.entityId, area: b.area, entered: b.on === 'enter' }
	};
}

function intercepted(t: Kind<'intercept'>, b: DomainEventBody, n: Names, state: ExerciseState): Cause | null {
	// Only a vessel's intercept stops and boards; an aircraft overhead (shadowing) does not fire intercept triggers.
	if (b.type !== 'intercept.achieved' || b.shadowing || b.target !== t.intercept.target || (t.intercept.team && t.intercept.team !== b.team)) return null;
	const teamState = state.scenario?.teams.find((x) => x.id === b.team)?.state;
	if (t.intercept.waters && t.intercept.waters !== watersFor(b.waters, teamState)) return null;
	return {
		text: `${n.entity(b.entityId)} intercepted ${n.entity(b.target)} (${b.waters.kind === 'high-seas' ? 'outside any territorial sea' : `${b.waters.state} waters`})`,
		because: { kind: 'intercept', entity: b.entityId, target: b.target, waters: b.waters }
	};
}

function detected(t: Kind<'detected'>, b: DomainEventBody, n: Names): Cause | null {
	if (b.type !== 'contact.detected' || b.contact !== t.detected.contact || (t.detected.team && t.detected.team !== b.team)) return null;
	return { text: `${n.team(b.team)} detected ${n.entity(b.contact)}`, because: { kind: 'detected', team: b.team, contact: b.contact } };
}

const ALERT_WORDS = {
	'capacity-exceeded': 'capacity exceeded',
	'minors-found': 'unaccompanied children found',
	distress: 'distress call',
	'out-of-endurance': 'out of endurance'
} as const;

function alerted(t: Kind<'alert'>, b: DomainEventBody, n: Names): Cause | null {
	if (b.type !== 'simulation.alert' || b.alert !== t.alert.type || (t.alert.entity && t.alert.entity !== b.entityId)) return null;
	return { text: `${ALERT_WORDS[b.alert]}: ${n.entity(b.entityId)}`, because: { kind: 'alert', alert: b.alert, entity: b.entityId } };
}

/** Why event `b` fires trigger `t`, or null if it does not. */
function causeOf(t: Trigger, b: DomainEventBody, state: ExerciseState): Cause | null {
	const n = namesIn(state);
	if ('decision' in t) return decisionTaken(t, b, n);
	if ('missed' in t) return missed(t, b, n);
	if ('message' in t) return messaged(t, b, n);
	if ('area' in t) return crossed(t, b, n);
	if ('intercept' in t) return intercepted(t, b, n, state);
	if ('detected' in t) return detected(t, b, n);
	if ('alert' in t) return alerted(t, b, n);
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
		if (cause) fired.push({ type: 'inject.triggered', injectId: id, dueAt: at + t.delayMinutes * MINUTE, cause: cause.text, because: cause.because });
	}
	return fired;
}
