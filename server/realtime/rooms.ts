/**
 * The Socket.IO rooms of an exercise, named in one table: opening an exercise
 * joins them, fan-out and presence address them.
 */
import type { Audience } from '../../src/lib/engine/exercise/audience';
import type { Session } from '../../src/lib/realtime/contract';

export const rooms = {
	/** Every socket that has the exercise open, whatever its role: who is present. */
	all: (x: string) => `x:${x}:all`,
	controller: (x: string) => `x:${x}:controller`,
	evaluator: (x: string) => `x:${x}:evaluator`,
	observer: (x: string) => `x:${x}:observer`,
	team: (x: string, team: string) => `x:${x}:team:${team}`,
	/** Controllers with a scenario open in the studio. */
	studio: (key: string) => `studio:${key}`
};

/** Whether `room` is one of exercise `x`'s rooms. */
export const isRoomOf = (room: string, x: string) => room.startsWith(`x:${x}:`);

/** The room a session's events go to: its team's, or its role's. */
export function roomOf(exerciseId: string, session: Session): string {
	return session.role === 'participant' ? rooms.team(exerciseId, session.team) : rooms[session.role](exerciseId);
}

export function audienceOf(session: Session): Audience {
	return session.role === 'participant' ? { role: 'participant', team: session.team } : { role: session.role };
}
