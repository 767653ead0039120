/**
 * The Socket.IO contract shared by server and browser: event names, payload
 * schemas (validated on arrival by the server) and reply shapes.
 */
import { z } from 'zod';
import { CAPABILITY_ELEMENTS, MESSAGE_CHANNELS, RATINGS, TEAM_MODES, type DomainEvent, type NarrativeSection } from '../engine/exercise/events';
import { lonLatSchema as lonLat } from '../engine/scenario/schema';
import { CHANNELS } from '../engine/scenario/vocabulary';
import type { ExerciseStatus } from '../engine/exercise/state';
import type { ExerciseHistoryRow } from '../engine/review/history';
import type { ScenarioSummary } from '../engine/scenario/summary';
import type { StudioPresence, StudioSaved } from '../engine/studio/library';
import type { ErrorReply } from './errors';
import type { RevocationReason } from '../engine/exercise/revocation';

// Read models the engine builds, sent as they are.
export type { ExerciseHistoryRow, ScenarioSummary };

export type Ack<T> = { ok: true; data: T } | ErrorReply;

/**
 * `sid`: a random id per sign-in, so a controller can name one browser to remove (sessions signed before it existed
 * get one derived from their token); `codeTag`: the keyed fingerprint of the join code it joined with, so that
 * retiring that code can sign its holders out (see `engine/exercise/revocation.ts`).
 */
export type Session = (
	| { role: 'controller'; name: string }
	| { role: 'evaluator'; name: string; exerciseId: string }
	| { role: 'participant'; name: string; exerciseId: string; team: string }
	| { role: 'observer'; name: string; exerciseId: string }
) & { sid?: string; codeTag?: string };

const exerciseId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be an exercise id');
const itemId = z.string().min(1).max(64);
const name = z.string().trim().min(1, 'must not be empty').max(60);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an id');
const note = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const eventSeq = z.number().int().min(1);
const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-03-01')]);

/** Every client → server event and the schema its payload must match. */
export const payloadSchemas = {
	'session:join': z.strictObject({ code: z.string().min(1).max(40), name }),
	'session:controller': z.strictObject({ key: z.string().min(1).max(200), name }),
	'scenario:list': z.strictObject({}),
	'exercise:list': z.strictObject({}),
	'exercise:create': z.strictObject({
		scenarioId: itemId,
		title: z.string().trim().min(1).max(160).optional(),
		/** A ready version of the scenario; its newest ready one when absent. */
		version: z.number().int().positive().optional()
	}),
	'exercise:open': z.strictObject({ exerciseId: exerciseId.optional(), afterSeq: z.number().int().min(0).optional() }),
	'exercise:control': z.strictObject({ exerciseId, action: z.enum(['start', 'pause', 'resume', 'end', 'close']) }),
	'clock:speed': z.strictObject({ exerciseId, speed: z.number().min(1).max(60) }),
	'inject:release': z.strictObject({ exerciseId, injectId: itemId }),
	'inject:hold': z.strictObject({ exerciseId, injectId: itemId }),
	'inject:unhold': z.strictObject({ exerciseId, injectId: itemId }),
	'inject:skip': z.strictObject({ exerciseId, injectId: itemId }),
	'inject:add': z.strictObject({
		exerciseId,
		/** Minutes from now (exercise time) until it goes out; 0 = at once. */
		inMinutes: z
			.number()
			.min(0)
			.max(24 * 60),
		inject: z.strictObject({
			from: note(120),
			to: z.array(slug).min(1, 'needs at least one team').max(40),
			channel: z.enum(CHANNELS),
			title: note(160),
			body: note(5000),
			objectives: z.array(slug).max(40).default([]),
			controllerNote: z.string().trim().max(1000).optional()
		}),
		/** The team's message to exercise control this inject answers. */
		inReplyTo: itemId.optional()
	}),
	'message:answer': z.strictObject({ exerciseId, messageId: itemId }),
	'team:mark': z.strictObject({ exerciseId, team: slug, mode: z.enum(TEAM_MODES) }),
	'decision:submit': z.strictObject({ injectId: itemId, optionId: itemId }),
	/** Exercise control answers a decision for a team it plays. */
	'decision:submit-for': z.strictObject({ exerciseId, team: slug, injectId: itemId, optionId: itemId }),
	'message:send': z.strictObject({
		to: z.array(slug).min(1, 'needs at least one team').max(40),
		channel: z.enum(MESSAGE_CHANNELS),
		text: note(2000),
		refInjectId: itemId.optional()
	}),
	'evaluation:observe': z.strictObject({
		exerciseId: exerciseId.optional(),
		team: slug.nullable(),
		objective: slug.nullable(),
		text: note(2000),
		/** The timeline event (its seq) the note is about. */
		eventSeq: eventSeq.nullable().optional()
	}),
	'evaluation:observe-edit': z.strictObject({
		exerciseId: exerciseId.optional(),
		observationId: itemId,
		team: slug.nullable(),
		objective: slug.nullable(),
		text: note(2000),
		eventSeq: eventSeq.nullable()
	}),
	'evaluation:observe-delete': z.strictObject({ exerciseId: exerciseId.optional(), observationId: itemId }),
	'evaluation:narrative': z.strictObject({
		exerciseId: exerciseId.optional(),
		section: z.custom<NarrativeSection>((v) => typeof v === 'string' && /^(summary|(strengths|improvements):[a-z0-9][a-z0-9-]{0,63})$/.test(v), {
			message: 'must be "summary", "strengths:<objective>" or "improvements:<objective>"'
		}),
		/** Empty text clears the section. */
		text: z.string().trim().max(20_000)
	}),
	'evaluation:rate': z.strictObject({
		exerciseId: exerciseId.optional(),
		team: slug,
		objective: slug,
		rating: z.enum(RATINGS),
		explanation: note(2000)
	}),
	'evaluation:improvement': z.strictObject({
		exerciseId: exerciseId.optional(),
		itemId: slug.optional(),
		objective: slug.nullable(),
		issue: note(500),
		correctiveAction: z.string().trim().max(1000),
		capabilityElement: z.enum(CAPABILITY_ELEMENTS),
		responsibleAgency: z.string().trim().max(160),
		pointOfContact: z.string().trim().max(160),
		startDate: isoDate,
		dueDate: isoDate
	}),
	'score:adjust': z.strictObject({
		exerciseId,
		team: slug,
		objective: slug,
		points: z
			.number()
			.min(-20)
			.max(20)
			.refine((n) => n !== 0, 'must not be 0'),
		reason: z.string().trim().min(5, 'must explain the adjustment (5 characters or more)').max(1000)
	}),
	'review:share': z.strictObject({ exerciseId, participantsMaySee: z.boolean() }),
	'review:history': z.strictObject({ scenarioId: itemId }),
	'asset:task': z.strictObject({
		entityId: itemId,
		order: z.discriminatedUnion('type', [
			z.strictObject({ type: z.literal('goto'), point: lonLat }),
			z.strictObject({ type: z.literal('patrol'), points: z.array(lonLat).min(2, 'a patrol needs at least two points').max(20) }),
			z.strictObject({ type: z.literal('intercept'), target: itemId }),
			z.strictObject({ type: z.literal('hold') })
		]),
		speedKnots: z.number().positive().max(600).optional()
	}),
	'facility:set': z
		.strictObject({ entityId: itemId, open: z.boolean().optional(), staff: z.number().int().min(0).max(10_000).optional() })
		.refine((p) => p.open !== undefined || p.staff !== undefined, 'give "open" or "staff"'),
	/** A controller has this scenario open in the studio (null: none): joins its room for presence and saves. */
	'studio:watch': z.strictObject({ key: slug.nullable() }),
	/** A controller takes one member's access away (the browser session `sid` from the presence list). */
	'member:remove': z.strictObject({ exerciseId, sid: z.string().min(1).max(64) }),
	/** A controller gives a team (or the evaluators, or the observers) a new join code; `signOut`: those who joined with the old one lose access. */
	'code:rotate': z
		.strictObject({ exerciseId, role: z.enum(['participant', 'evaluator', 'observer']), team: slug.nullable(), signOut: z.boolean() })
		.refine((p) => (p.role === 'participant') === (p.team !== null), "a team code names its team; the evaluators' and observers' codes name none"),
	/** Deletes an exercise that is not in play, with everything recorded in it (controllers). */
	'exercise:delete': z.strictObject({ exerciseId }),
	/** Replaces people's names in a closed exercise by pseudonyms, keeping scores and timeline (controllers). */
	'exercise:anonymise': z.strictObject({ exerciseId }),
	/** Everyone whose name the exercises on this server record, to export what is recorded about one (controllers). */
	'people:list': z.strictObject({})
} as const;

export type ClientEventName = keyof typeof payloadSchemas;
/** What a client sends (defaults may be left out). */
export type Payload<E extends ClientEventName> = z.input<(typeof payloadSchemas)[E]>;
/** What a handler receives once the payload has been validated (defaults filled in). */
export type ParsedPayload<E extends ClientEventName> = z.output<(typeof payloadSchemas)[E]>;

export interface ExerciseSummary {
	id: string;
	title: string;
	scenarioId: string;
	/** The scenario as this exercise plays it (its title then, and the library version it was created from). */
	scenarioTitle: string;
	scenarioVersion: number | null;
	status: ExerciseStatus;
	createdWall: number;
}

export interface JoinCodes {
	evaluator: string;
	/** Read-only public picture (absent for exercises created before observers existed). */
	observer?: string;
	teams: Record<string, string>;
}

export interface OpenedExercise {
	/** The events this session may see, after `afterSeq`. */
	events: DomainEvent[];
	/** Join codes, for controllers only. */
	codes?: JoinCodes;
	/** Server wall time, so clients can correct their clock offset. */
	serverWall: number;
}

export interface Replies {
	'session:join': { token: string; session: Session };
	'session:controller': { token: string; session: Session };
	'scenario:list': ScenarioSummary[];
	'exercise:list': ExerciseSummary[];
	'exercise:create': { exerciseId: string; codes: JoinCodes };
	'exercise:open': OpenedExercise;
	'exercise:control': { seq: number };
	'clock:speed': { seq: number };
	'inject:release': { seq: number };
	'inject:hold': { seq: number };
	'inject:unhold': { seq: number };
	'inject:skip': { seq: number };
	'inject:add': { seq: number; injectId: string };
	'message:answer': { seq: number };
	'team:mark': { seq: number };
	'decision:submit': { seq: number };
	'decision:submit-for': { seq: number };
	'message:send': { seq: number };
	'evaluation:observe': { seq: number };
	'evaluation:observe-edit': { seq: number };
	'evaluation:observe-delete': { seq: number };
	'evaluation:narrative': { seq: number };
	'evaluation:rate': { seq: number };
	'evaluation:improvement': { seq: number; itemId: string };
	'score:adjust': { seq: number };
	'review:share': { seq: number };
	'asset:task': { seq: number };
	'facility:set': { seq: number };
	'review:history': ExerciseHistoryRow[];
	/** Nothing: the presence of the scenario watched comes as `studio:presence` events, to every watcher alike. */
	'studio:watch': null;
	'member:remove': { seq: number };
	/** The new code (every controller of the exercise also gets the codes as `exercise:codes`). */
	'code:rotate': { seq: number; code: string };
	'exercise:delete': null;
	/** How many people's names were replaced, in how many events. */
	'exercise:anonymise': { people: number; events: number };
	'people:list': PersonSummary[];
}

/** A name the exercises record, with the roles and teams it was used in (for the personal-data export). */
export interface PersonSummary {
	name: string;
	exercises: { exerciseId: string; title: string; role: Session['role']; team: string | null; teamName: string | null }[];
}

export type ClientToServerEvents = {
	[E in ClientEventName]: (payload: Payload<E>, ack: (reply: Ack<Replies[E]>) => void) => void;
};

export interface ServerToClientEvents {
	/** New events of an opened exercise, already filtered for this session. */
	'exercise:events': (events: DomainEvent[]) => void;
	/** Who is connected to an exercise (controllers only). */
	'exercise:presence': (presence: Presence) => void;
	/** Who has a scenario open in the studio (controllers watching it). */
	'studio:presence': (presence: StudioPresence) => void;
	/** A version of a scenario open in the studio was saved. */
	'studio:saved': (saved: StudioSaved) => void;
	/** The exercise's log was rewritten (anonymised) or deleted: open it again from the start. */
	'exercise:reset': (notice: { exerciseId: string }) => void;
	/** The server is stopping; clients will reconnect when it is back. */
	'server:shutdown': (notice: { reason: string }) => void;
	/** A controller took this session's access away: the server disconnects it next; do not reconnect with this token. */
	'session:revoked': (notice: { exerciseId: string; reason: RevocationReason }) => void;
	/** An exercise's join codes changed (controllers only). */
	'exercise:codes': (update: { exerciseId: string; codes: JoinCodes }) => void;
}

export interface PresentMember {
	role: Session['role'];
	name: string;
	team: string | null;
	/** The browser session, for a controller to remove it (null for controllers). */
	sid: string | null;
}
export interface Presence {
	exerciseId: string;
	members: PresentMember[];
}

export interface SocketData {
	session: Session | null;
	exerciseId: string | null;
	/** The scenario this controller has open in the studio. */
	studioKey?: string | null;
}

/**
 * The first bad field of a refused payload and why, as parameters the browser words beside that field: `field` is
 * the payload's (or its inject's) field name, `reason` "empty", "no-team" or "other".
 */
export function payloadProblem(error: z.ZodError): { field: string; reason: string } {
	const issue = error.issues[0];
	const path = (issue?.path ?? []).map(String);
	const field = (path[0] === 'inject' ? path[1] : path[0]) ?? '';
	const message = issue?.message ?? '';
	const reason = /must not be empty|too_small.*string/.test(message) ? 'empty' : /at least one team/.test(message) ? 'no-team' : 'other';
	return { field: field.slice(0, 60), reason };
}

/** Turns zod issues into one message naming each bad field. */
export function describeIssues(error: z.ZodError, root = 'payload'): string {
	// Keep replies short even when the offending keys or values are huge.
	const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);
	return error.issues
		.slice(0, 5)
		.map((i) => `${[root, ...i.path.map((p) => clip(String(p), 60))].join('.')}: ${clip(i.message, 200)}`)
		.join('; ');
}
