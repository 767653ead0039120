/** A team at play: decisions, tasking its assets, running its ports and shelters, messages to other teams. */
import { randomUUID } from 'node:crypto';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { asTeamMember } from '../run-command';

export function teamHandlers(ctx: RealtimeContext): HandlerGroup<'decision:submit' | 'asset:task' | 'facility:set' | 'message:send'> {
	return {
		'decision:submit': (socket, { injectId, optionId }) =>
			asTeamMember(ctx, socket, 'submit decisions', ({ team, by }) => ({ type: 'DECIDE', injectId, optionId, team, by })),
		'asset:task': (socket, { entityId, order, speedKnots }) =>
			asTeamMember(ctx, socket, 'task their assets', ({ team, by }) => ({ type: 'TASK_ASSET', entityId, order, speedKnots, team, by })),
		'facility:set': (socket, { entityId, open, staff }) =>
			asTeamMember(ctx, socket, 'run ports and shelters', ({ team, by }) => ({ type: 'SET_FACILITY', entityId, open, staff, team, by })),
		'message:send': (socket, { to, channel, text, refInjectId }) =>
			asTeamMember(ctx, socket, 'send team messages', ({ team, by }) => ({
				type: 'SEND_MESSAGE',
				messageId: randomUUID(),
				fromTeam: team,
				to,
				channel,
				text,
				refInjectId: refInjectId ?? null,
				by
			}))
	};
}
