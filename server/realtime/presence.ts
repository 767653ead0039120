/** Tells an exercise's controllers who is connected to it. */
import type { PresentMember } from '../../src/lib/realtime/contract';
import { rooms } from './rooms';
import type { RealtimeServer } from './socket-types';

export function presenceAnnouncer(io: RealtimeServer, log?: (message: string) => void) {
	const timers = new Map<string, NodeJS.Timeout>();
	/** Everyone an announcement of this process has listed, by exercise and session id (see `recall`). */
	const seen = new Map<string, Map<string, PresentMember>>();
	return {
		announce(exerciseId: string) {
			if (timers.has(exerciseId)) return;
			// Coalesce bursts of joins and leaves into one update.
			timers.set(
				exerciseId,
				setTimeout(async () => {
					timers.delete(exerciseId);
					// In a cluster this asks every process; one that has just died makes it time out.
					const sockets = await io
						.in(rooms.all(exerciseId))
						.fetchSockets()
						.catch((err: Error) => (log?.(`presence of ${exerciseId}: ${err.message}`), null));
					if (!sockets) return;
					const members: PresentMember[] = sockets.flatMap((s) => {
						const session = s.data.session;
						if (!session) return [];
						const sid = session.role === 'controller' ? null : (session.sid ?? null);
						return [{ role: session.role, name: session.name, team: session.role === 'participant' ? session.team : null, sid }];
					});
					const known = seen.get(exerciseId) ?? new Map<string, PresentMember>();
					for (const member of members) if (member.sid) known.set(member.sid, member);
					seen.set(exerciseId, known);
					io.to(rooms.controller(exerciseId)).emit('exercise:presence', { exerciseId, members });
				}, 100)
			);
		},
		/**
		 * A member this process has listed, connected or not: a controller removing someone whose browser is between
		 * two connections (a reload, a dropped link) still removes them.
		 */
		recall(exerciseId: string, sid: string): PresentMember | null {
			return seen.get(exerciseId)?.get(sid) ?? null;
		},
		/** Forgets an exercise's members (it was deleted). */
		forget(exerciseId: string) {
			seen.delete(exerciseId);
		},
		/** Drops announcements not yet sent (on shutdown). */
		stop() {
			for (const timer of timers.values()) clearTimeout(timer);
		}
	};
}

export type PresenceAnnouncer = ReturnType<typeof presenceAnnouncer>;

/** Tells the controllers who have a scenario open in the studio who else has it open. */
export function studioPresenceAnnouncer(io: RealtimeServer, log?: (message: string) => void) {
	const timers = new Map<string, NodeJS.Timeout>();
	return {
		announce(key: string) {
			if (timers.has(key)) return;
			timers.set(
				key,
				setTimeout(async () => {
					timers.delete(key);
					const sockets = await io
						.in(rooms.studio(key))
						.fetchSockets()
						.catch((err: Error) => (log?.(`studio presence of ${key}: ${err.message}`), null));
					if (!sockets) return;
					const names = [...new Set(sockets.flatMap((s) => (s.data.session ? [s.data.session.name] : [])))];
					io.to(rooms.studio(key)).emit('studio:presence', { key, editors: names.map((name) => ({ name })) });
				}, 100)
			);
		},
		stop() {
			for (const timer of timers.values()) clearTimeout(timer);
		}
	};
}
export type StudioPresenceAnnouncer = ReturnType<typeof studioPresenceAnnouncer>;
