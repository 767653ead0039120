/** After play: sharing the review with the teams, and comparing runs of a scenario. */
import { scenarioHistory } from '../../../src/lib/engine/review/history';
import { requireReviewer } from '../access';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { asController } from '../run-command';

export function reviewHandlers(ctx: RealtimeContext): HandlerGroup<'review:share' | 'review:history'> {
	return {
		'review:share': (socket, { exerciseId, participantsMaySee }) => asController(ctx, socket, exerciseId, { type: 'SHARE_REVIEW', participantsMaySee }),
		'review:history': (socket, { scenarioId }) => {
			requireReviewer(socket);
			return scenarioHistory(ctx.registry.list(), scenarioId);
		}
	};
}
