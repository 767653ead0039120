/**
 * Domain events: the append-only log of an exercise. Every view (team view,
 * controller view, scores, timeline) is a projection of these.
 * Events carry the exercise time (`at`, ms) and wall time (`wall`, epoch ms)
 * they happened at, so reducers never read a clock.
 */
import type { Entity, Inject, Scenario } from './scenario-schema';

export type ObjectivePoints = Record<string, number>;

export type DomainEventBody =
	| { type: 'exercise.created'; title: string; scenario: Scenario }
	| { type: 'exercise.started' }
	| { type: 'exercise.paused' }
	| { type: 'exercise.resumed' }
	| { type: 'exercise.ended' }
	/** The server came back after a crash: the clock carries on from the last moment it was known alive. */
	| { type: 'exercise.recovered'; downtimeMs: number }
	| { type: 'clock.speed_changed'; speed: number }
	| {
			type: 'inject.released';
			injectId: string;
			manual: boolean;
			/** The inject as delivered (a copy, so the log stands alone). */
			inject: Inject;
			/** Entities this inject makes visible to its addressees. */
			reveals: Entity[];
	  }
	| { type: 'inject.held'; injectId: string }
	| { type: 'inject.unheld'; injectId: string }
	| {
			type: 'decision.submitted';
			injectId: string;
			team: string;
			optionId: string;
			by: string;
			latencyMs: number;
			/** 1 when answered within the expected time, falling to 0.5 at the deadline. */
			timeliness: number;
			points: ObjectivePoints;
			maxPoints: ObjectivePoints;
	  }
	| { type: 'decision.expired'; injectId: string; team: string; maxPoints: ObjectivePoints };

export type EventType = DomainEventBody['type'];

export interface EventMeta {
	exerciseId: string;
	/** Exercise time in ms. */
	at: number;
	/** Wall time in epoch ms. */
	wall: number;
	/** Who caused it: "controller", "system" or "team:<id>". */
	actor: string;
}

/** An event produced by the engine, before the store numbers it. */
export type NewEvent = DomainEventBody & EventMeta;
/** An event as stored: `seq` is its 1-based position in the exercise log. */
export type DomainEvent = NewEvent & { seq: number };

export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
