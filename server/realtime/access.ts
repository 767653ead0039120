/**
 * Who may do what, checked on every request: the signed-in session, its role,
 * and the exercise it acts on. A refusal is a RequestError, whose code, parameters
 * and English message go back to the client as they are.
 */
import type { Session } from '../../src/lib/realtime/contract';
import type { ErrorCode, ErrorParams } from '../../src/lib/realtime/errors';
import type { ExerciseRegistry } from '../exercise-registry';
import type { ClientSocket } from './socket-types';

/** A refusal to tell the client; any other error is reported as an internal error. */
export class RequestError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly params: ErrorParams = {}
	) {
		super(message);
	}
}

export type TeamMember = Extract<Session, { role: 'participant' }>;
export type Reviewer = Extract<Session, { role: 'controller' | 'evaluator' }>;

export function requireSession(socket: ClientSocket): Session {
	const s = socket.data.session;
	if (!s) throw new RequestError('not-signed-in', 'not signed in: join with a code first');
	return s;
}

export function requireController(socket: ClientSocket) {
	const s = requireSession(socket);
	if (s.role !== 'controller') throw new RequestError('controller-only', 'only an exercise controller may do this');
	return s;
}

/** A team member's session; `may` says what only they may do ("submit decisions"). */
export function requireTeamMember(socket: ClientSocket, may: string): TeamMember {
	const s = requireSession(socket);
	if (s.role !== 'participant') throw new RequestError('team-only', `only team members may ${may}`);
	return s;
}

export function requireReviewer(socket: ClientSocket): Reviewer {
	const s = requireSession(socket);
	if (s.role !== 'controller' && s.role !== 'evaluator') throw new RequestError('reviewer-only', 'only evaluators and controllers may do this');
	return s;
}

export function knownExercise(registry: ExerciseRegistry, exerciseId: string) {
	if (!registry.has(exerciseId)) throw new RequestError('unknown-exercise', `unknown exercise "${exerciseId}"`);
	return exerciseId;
}

/** The exercise a session acts on: its own, or the one a controller names. */
export function exerciseOf(registry: ExerciseRegistry, session: Session, exerciseId: string | undefined): string {
	if (session.role === 'controller') {
		if (!exerciseId) throw new RequestError('invalid-payload', 'payload.exerciseId: required for controllers', { field: 'exerciseId' });
		return knownExercise(registry, exerciseId);
	}
	if (exerciseId && exerciseId !== session.exerciseId) throw new RequestError('other-exercise', 'your session belongs to another exercise');
	// The exercise may have been deleted since the session was made.
	return knownExercise(registry, session.exerciseId);
}

/** Who did it, for the audit trail in the event log. */
export function actorOf(session: Session): string {
	return session.role === 'participant' ? `team:${session.team}:${session.name}` : `${session.role}:${session.name}`;
}
