/** Evaluators at work: observations, P/S/M/U ratings, the improvement plan; and the controller's audited score adjustments. */
import { randomUUID } from 'node:crypto';
import { requireController } from '../access';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { asController, asEvaluator } from '../run-command';

export function evaluationHandlers(ctx: RealtimeContext): HandlerGroup<'evaluation:observe' | 'evaluation:rate' | 'evaluation:improvement' | 'score:adjust'> {
	return {
		'evaluation:observe': (socket, { exerciseId, team, objective, text }) =>
			asEvaluator(ctx, socket, exerciseId, (by) => ({ type: 'OBSERVE', observationId: randomUUID(), team, objective, text, by })),
		'evaluation:rate': (socket, { exerciseId, team, objective, rating, explanation }) =>
			asEvaluator(ctx, socket, exerciseId, (by) => ({ type: 'RATE', team, objective, rating, explanation, by })),
		'evaluation:improvement': async (socket, { exerciseId, itemId, ...item }) => {
			const id = itemId ?? randomUUID().slice(0, 8);
			const done = await asEvaluator(ctx, socket, exerciseId, (by) => ({ type: 'UPDATE_IMPROVEMENT', itemId: id, ...item, by }));
			return { ...done, itemId: id };
		},
		'score:adjust': (socket, { exerciseId, team, objective, points, reason }) => {
			const session = requireController(socket);
			return asController(ctx, socket, exerciseId, { type: 'ADJUST_SCORE', team, objective, points, reason, by: session.name });
		}
	};
}
