/** Evaluators at work: observations, P/S/M/U ratings, the improvement plan; and the controller's audited score adjustments. */
import { randomUUID } from 'node:crypto';
import { requireController } from '../access';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { asController, asEvaluator } from '../run-command';

type EvaluationEvent =
	| 'evaluation:observe'
	| 'evaluation:observe-edit'
	| 'evaluation:observe-delete'
	| 'evaluation:narrative'
	| 'evaluation:rate'
	| 'evaluation:improvement'
	| 'score:adjust';

export function evaluationHandlers(ctx: RealtimeContext): HandlerGroup<EvaluationEvent> {
	return {
		'evaluation:observe': (socket, { exerciseId, team, objective, text, eventSeq }) =>
			asEvaluator(ctx, socket, exerciseId, (by) => ({ type: 'OBSERVE', observationId: randomUUID(), team, objective, text, eventSeq: eventSeq ?? null, by })),
		'evaluation:observe-edit': (socket, { exerciseId, ...note }) => asEvaluator(ctx, socket, exerciseId, (by) => ({ type: 'EDIT_OBSERVATION', ...note, by })),
		'evaluation:observe-delete': (socket, { exerciseId, observationId }) =>
			asEvaluator(ctx, socket, exerciseId, (by) => ({ type: 'DELETE_OBSERVATION', observationId, by })),
		'evaluation:narrative': (socket, { exerciseId, section, text }) =>
			asEvaluator(ctx, socket, exerciseId, (by) => ({ type: 'SET_NARRATIVE', section, text, by })),
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
