/** The studio over the socket: which scenario a controller has open, so others see them and hear of saves. */
import { requireController } from '../access';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { rooms } from '../rooms';

export function studioHandlers(ctx: RealtimeContext): HandlerGroup<'studio:watch'> {
	return {
		'studio:watch': async (socket, { key }) => {
			requireController(socket);
			const previous = socket.data.studioKey ?? null;
			if (previous && previous !== key) {
				await socket.leave(rooms.studio(previous));
				ctx.studioPresence.announce(previous);
			}
			socket.data.studioKey = key;
			if (!key) return null;
			await socket.join(rooms.studio(key));
			ctx.studioPresence.announce(key);
			return null;
		}
	};
}
