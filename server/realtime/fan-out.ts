/**
 * Sends stored events to an exercise's rooms, each room only what its audience
 * may see: nothing reaches a browser that `eventsForAudience` did not allow.
 * Only to this process's own sockets: in a cluster every process hands its
 * clients the events its copy of the log has taken in (see the registry), so
 * a broadcast lost with Redis cannot leave a client a hole it never notices.
 */
import { eventsForAudience, reviewOpenFor, type Audience } from '../../src/lib/engine/exercise/audience';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import type { ExerciseState } from '../../src/lib/engine/exercise/state';
import { rooms } from './rooms';
import type { RealtimeServer } from './socket-types';

export function fanOut(io: RealtimeServer) {
	return (exerciseId: string, events: DomainEvent[], state: ExerciseState) => {
		const local = io.local;
		local.to([rooms.controller(exerciseId), rooms.evaluator(exerciseId)]).emit('exercise:events', events);
		const audiences: [string, Audience][] = [
			[rooms.observer(exerciseId), { role: 'observer' }],
			...(state.scenario?.teams ?? []).map((t): [string, Audience] => [rooms.team(exerciseId, t.id), { role: 'participant', team: t.id }])
		];
		const reviewOpen = reviewOpenFor(state);
		for (const [room, audience] of audiences) {
			const visible = eventsForAudience(events, audience, reviewOpen);
			if (visible.length > 0) local.to(room).emit('exercise:events', visible);
		}
	};
}
