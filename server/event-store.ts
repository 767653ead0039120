/** The event store interface: an append-only log per exercise plus join codes and settings. */
import type { DomainEvent, NewEvent } from '../src/lib/engine/exercise/events';
import type { ExerciseStatus } from '../src/lib/engine/exercise/state';
import type { ScenarioStore } from './scenario-store';

export interface ExerciseRecord {
	id: string;
	scenarioId: string;
	title: string;
	status: ExerciseStatus;
	createdWall: number;
	lastSeq: number;
	/** Last wall time the owning server was known alive while the exercise ran (heartbeat). */
	aliveWall: number | null;
}

export type JoinRole = 'participant' | 'evaluator' | 'observer';
export interface JoinCode {
	code: string;
	exerciseId: string;
	role: JoinRole;
	team: string | null;
}

export class ConcurrencyError extends Error {}

export interface EventStore {
	/** Creates an exercise with its first event and its join codes, atomically. */
	createExercise(record: Omit<ExerciseRecord, 'lastSeq' | 'status' | 'aliveWall'>, created: NewEvent, codes: JoinCode[]): Promise<DomainEvent>;
	/** Appends events after `expectedSeq`; durable when the promise resolves. */
	append(exerciseId: string, expectedSeq: number, events: NewEvent[]): Promise<DomainEvent[]>;
	load(exerciseId: string, afterSeq?: number): Promise<DomainEvent[]>;
	listExercises(): Promise<ExerciseRecord[]>;
	getExercise(exerciseId: string): Promise<ExerciseRecord | null>;
	/** Records that the server is alive and running these exercises (cheap, called every few seconds). */
	heartbeat(exerciseIds: string[], wall: number): Promise<void>;
	findCode(code: string): Promise<JoinCode | null>;
	codesFor(exerciseId: string): Promise<JoinCode[]>;
	/**
	 * Gives a role (a team, for participants) of an exercise `code` in place of its current join code, in one
	 * transaction: from then on the old code finds nothing. Resolves with the old code (null if there was none).
	 */
	replaceCode(exerciseId: string, role: JoinRole, team: string | null, code: string): Promise<string | null>;
	/** Removes an exercise with its events and join codes, in one transaction (personal data, after the review). */
	deleteExercise(exerciseId: string): Promise<void>;
	/** Replaces the actor and body of stored events in place (same seqs, types and times), in one transaction: anonymising. */
	rewriteEvents(exerciseId: string, events: DomainEvent[]): Promise<void>;
	getSetting(key: string): Promise<string | null>;
	setSetting(key: string, value: string): Promise<void>;
	/** The scenario library, kept in the same database. */
	readonly scenarios: ScenarioStore;
	close(): Promise<void>;
}

/** An event's body as stored: everything but the envelope columns (type, exercise, times, actor, seq). */
export function eventBody(e: NewEvent): string {
	const { type: _t, exerciseId: _x, at: _a, wall: _w, actor: _c, ...body } = e as NewEvent & { seq?: number };
	delete (body as { seq?: number }).seq;
	return JSON.stringify(body);
}
