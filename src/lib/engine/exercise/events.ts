/**
 * Domain events: the append-only log of an exercise. Every view (team view,
 * controller view, scores, timeline) is a projection of these.
 * Events carry the exercise time (`at`, ms) and wall time (`wall`, epoch ms)
 * they happened at, so reducers never read a clock.
 */
import type { CoursePoint, Order } from '../sim/kinematics';
import type { DecisionOption, Entity, Inject, LonLat, Scenario } from '../scenario/schema';
import type { ScenarioLanguage, SimAlert } from '../scenario/vocabulary';
import type { Waters } from '../sim/zones';
import type { CodeRole } from './revocation';

/** A new movement for an entity from `course[0].at`, set by the simulation (a stop, a resumed passage). */
export interface CourseChange {
	entityId: string;
	course: CoursePoint[];
}

export type ObjectivePoints = Record<string, number>;

export const RATINGS = ['P', 'S', 'M', 'U'] as const;
/** HSEEP rating: Performed without challenges, with Some, with Major challenges, Unable to be performed. */
export type Rating = (typeof RATINGS)[number];

export const MESSAGE_CHANNELS = ['radio', 'phone', 'email', 'secure-chat'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** How a team takes part: with its own members, marked absent by the controller, or played by exercise control. */
export const TEAM_MODES = ['playing', 'absent', 'control'] as const;
export type TeamMode = (typeof TEAM_MODES)[number];

/** The inject a "pass on" message carries, as its recipients read it (no controller notes, no scoring key). */
export interface ForwardedInject {
	injectId: string;
	title: string;
	from: string;
	channel: Inject['channel'];
	body: string;
	releasedAt: number;
	/** The inject's title, sender and body in other languages, as the scenario gave them (logs before 2026-12 lack it). */
	translations?: Partial<Record<ScenarioLanguage, { title?: string; from?: string; body?: string }>>;
}

/** What an AAR narrative section is: the executive summary, or an objective's strengths or areas for improvement. */
export type NarrativeSection = 'summary' | `strengths:${string}` | `improvements:${string}`;

export const CAPABILITY_ELEMENTS = ['planning', 'organization', 'equipment', 'training', 'exercises'] as const;

export interface ImprovementItem {
	itemId: string;
	objective: string | null;
	issue: string;
	correctiveAction: string;
	capabilityElement: (typeof CAPABILITY_ELEMENTS)[number];
	responsibleAgency: string;
	pointOfContact: string;
	startDate: string;
	dueDate: string;
}

export type DomainEventBody =
	| {
			type: 'exercise.created';
			title: string;
			scenario: Scenario;
			/** The library version it was created from (absent before the studio). */ scenarioVersion?: number;
	  }
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
	/** A conditional inject's trigger fired: it is now due at `dueAt` (exercise ms). */
	/** `cause`: English, for logs; `because`: the same as data, worded in the reader's language (absent in older logs). */
	| { type: 'inject.triggered'; injectId: string; dueAt: number; cause: string; because?: TriggerCause }
	/** The controller wrote an inject during play, due at `dueAt`. */
	| { type: 'inject.added'; inject: Inject; dueAt: number }
	/** The controller decided an inject will not be played. */
	| { type: 'inject.skipped'; injectId: string }
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
			/** The option's points before timeliness and penalties. */
			quality: ObjectivePoints;
			/** A rule the choice broke, if any: its penalty is already taken off `points`. */
			violation: { rule: string; objective: string; penalty: number } | null;
			/** Why: the option chosen and the scenario's feedback on it (shown once the decision closes). */
			explanation: {
				label: string;
				feedback: string | null;
				/** The option's label, feedback and violation rule in other languages, as the scenario gave them. */
				translations?: DecisionOption['translations'];
			};
	  }
	/** `teamAbsent`: the controller had marked the team absent, so the missed decision does not count against it. */
	| { type: 'decision.expired'; injectId: string; team: string; maxPoints: ObjectivePoints; teamAbsent?: boolean }
	| {
			type: 'message.sent';
			messageId: string;
			fromTeam: string;
			to: string[];
			channel: MessageChannel;
			text: string;
			/** The inject this message passes on, if any (scored on coordination). */
			refInjectId: string | null;
			/** A copy of that inject for the recipients (logs from before it existed have none). */
			forwarded?: ForwardedInject | null;
			by: string;
	  }
	/** Exercise control dealt with a team's message to it: answered with an inject, or marked handled. */
	| { type: 'message.answered'; messageId: string; team: string; injectId: string | null; by: string }
	/** The controller marked how a team takes part (absent, played by control, or back to playing). */
	| { type: 'team.marked'; team: string; mode: TeamMode; by: string }
	/** A controller removed a member: that browser session (`sid`, random per sign-in) is refused from now on. */
	| { type: 'member.removed'; sid: string; name: string; role: CodeRole; team: string | null; by: string }
	/**
	 * A controller gave a role or team a new join code (the code itself is never in the log). `signOut`: everyone who
	 * joined with the old code loses access; `retiredTag` is the old code's keyed fingerprint their sessions carry.
	 */
	| { type: 'join_code.rotated'; role: CodeRole; team: string | null; signOut: boolean; retiredTag: string | null; by: string }
	| {
			type: 'coordination.credited';
			injectId: string;
			team: string;
			target: string;
			objective: string;
			latencyMs: number;
			points: number;
			maxPoints: number;
	  }
	/** `teamAbsent`: as for a missed decision, the hand-off was due while the team was marked absent and is not scored. */
	| { type: 'coordination.missed'; injectId: string; team: string; target: string; objective: string; maxPoints: number; teamAbsent?: boolean }
	| {
			type: 'observation.recorded';
			observationId: string;
			team: string | null;
			objective: string | null;
			text: string;
			by: string;
			/** The timeline event (its seq) the note is about, if any. */
			eventSeq?: number | null;
	  }
	| { type: 'observation.edited'; observationId: string; team: string | null; objective: string | null; text: string; eventSeq: number | null; by: string }
	/** `team`: the deleted note's team, so that the event reaches whoever saw the note. */
	| { type: 'observation.deleted'; observationId: string; team: string | null; by: string }
	/** An evaluator wrote (or cleared, with empty text) a section of the AAR's narrative. */
	| { type: 'aar.narrative_set'; section: NarrativeSection; text: string; by: string }
	| { type: 'rating.set'; team: string; objective: string; rating: Rating; explanation: string; by: string }
	| { type: 'score.adjusted'; team: string; objective: string; points: number; reason: string; by: string }
	| { type: 'review.sharing_changed'; participantsMaySee: boolean }
	| ({ type: 'improvement.updated'; by: string } & ImprovementItem)
	| { type: 'exercise.closed' }
	/** A team (or the controller) ordered an asset; `course` is where it will be, minute by minute, from now. */
	| {
			type: 'asset.tasked';
			entityId: string;
			team: string | null;
			order: Order;
			speedKnots: number;
			course: CoursePoint[];
			/** Exercise ms at which it runs out of endurance on this course, if it does. */
			exhaustedAt: number | null;
			/** For an intercept order that geometry allows: when and where it meets the target. */
			intercept: { target: string; at: number; point: LonLat } | null;
			by: string;
	  }
	/** The answer to an intercept order: possible (when, where) or not (why, closest approach). */
	| {
			type: 'intercept.assessed';
			entityId: string;
			team: string | null;
			target: string;
			feasible: boolean;
			interceptAt: number | null;
			point: LonLat | null;
			reason: string;
	  }
	/** The asset reached the target: a vessel stops it there (a boat of displaced people is escorted on to its port); an aircraft shadows it. */
	| {
			type: 'intercept.achieved';
			entityId: string;
			team: string | null;
			target: string;
			/** Exercise ms when they met (the event itself is recorded at the tick that found it). */
			metAt: number;
			point: LonLat;
			waters: Waters;
			/** An aircraft reached it: it stays overhead and shadows the target, which sails on. */
			shadowing: boolean;
			courses: CourseChange[];
	  }
	/** A team's sensor first holds a contact; a hidden contact becomes visible to that team. */
	| { type: 'contact.detected'; entityId: string; team: string; contact: string; position: LonLat; rangeNm: number; entity: Entity }
	/** No sensor of the team holds a contact it detected any more: the team keeps its last known position. */
	| { type: 'contact.lost'; team: string; contact: string; position: LonLat }
	/** A team's sensor holds a lost contact again. */
	| { type: 'contact.regained'; entityId: string; team: string; contact: string; position: LonLat; rangeNm: number }
	| { type: 'area.crossed'; entityId: string; area: string; on: 'enter' | 'leave' }
	/** A boat of displaced people reached its port: its people are ashore, and everyone now sees the boat. */
	| { type: 'boat.landed'; entityId: string; port: string; people: number; entity: Entity }
	/** A team opened, closed or re-staffed a port or shelter. */
	| { type: 'facility.changed'; entityId: string; team: string | null; open: boolean; staff: number; by: string }
	/** The simulation raised an alert (a boat in distress stops where it is until rescued). */
	| {
			type: 'simulation.alert';
			alert: SimAlert;
			entityId: string;
			team: string | null;
			/** English, for logs and logs written before `facts`; the browser words the alert from its type and facts. */
			detail: string;
			count: number | null;
			courses: CourseChange[];
			facts?: AlertFacts;
	  };

/** What fired a conditional inject, by ids (the browser names them in the reader's language). */
export type TriggerCause =
	| { kind: 'decision'; team: string; inject: string; option: string }
	| { kind: 'missed'; team: string; inject: string }
	| { kind: 'not-passed-on'; team: string; inject: string; target: string }
	| { kind: 'message'; from: string; to: string[] }
	| { kind: 'area'; entity: string; area: string; entered: boolean }
	| { kind: 'intercept'; entity: string; target: string; waters: Waters }
	| { kind: 'detected'; team: string; contact: string }
	| { kind: 'alert'; alert: SimAlert; entity: string };

/** What a simulation alert says, as data: where a boat calls from and how many are aboard, who landed where, how full a place is. */
export interface AlertFacts {
	position?: LonLat;
	people?: number;
	minors?: number;
	/** The port a boat landed at (an entity id). */
	port?: string;
	occupancy?: number;
	capacity?: number;
	facility?: 'port' | 'shelter';
}

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
