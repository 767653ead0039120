/** The controller's desk: scenarios and exercises, the lifecycle, the clock and the MSEL. */
import { randomUUID } from 'node:crypto';
import { exerciseTimeAt, MINUTE } from '../../../src/lib/engine/exercise/clock';
import { defaultExerciseTitle } from '../../../src/lib/engine/exercise/default-title';
import { injectSchema } from '../../../src/lib/engine/scenario/schema';
import { summarizeScenario } from '../../../src/lib/engine/scenario/summary';
import { actorOf, knownExercise, requireController } from '../access';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { asController } from '../run-command';

type ControlEvent =
	| 'scenario:list'
	| 'exercise:list'
	| 'exercise:create'
	| 'exercise:control'
	| 'clock:speed'
	| 'inject:release'
	| 'inject:hold'
	| 'inject:unhold'
	| 'inject:skip'
	| 'inject:add'
	| 'message:answer'
	| 'team:mark'
	| 'decision:submit-for';

export function controlHandlers(ctx: RealtimeContext): HandlerGroup<ControlEvent> {
	const { registry } = ctx;
	return {
		'scenario:list': async (socket) => {
			requireController(socket);
			return (await ctx.library.launchable()).map(({ scenario, version }) => ({ ...summarizeScenario(scenario), version }));
		},
		'exercise:list': (socket) => {
			requireController(socket);
			return registry
				.list()
				.map((s) => ({
					id: s.id,
					title: s.title,
					scenarioId: s.scenario!.id,
					scenarioTitle: s.scenario!.title,
					scenarioVersion: s.scenarioVersion,
					status: s.status,
					createdWall: s.createdWall
				}))
				.sort((a, b) => b.createdWall - a.createdWall);
		},
		'exercise:create': async (socket, { scenarioId, title, version: wanted }) => {
			const session = requireController(socket);
			const { scenario, version } = await ctx.library.forExercise(scenarioId, wanted);
			const untitled = () =>
				defaultExerciseTitle(
					scenario.title,
					registry.list().map((x) => x.title)
				);
			return registry.create(scenario, title ?? untitled(), actorOf(session), version);
		},
		'exercise:control': (socket, { exerciseId, action }) =>
			asController(ctx, socket, exerciseId, {
				type: ({ start: 'START', pause: 'PAUSE', resume: 'RESUME', end: 'END', close: 'CLOSE' } as const)[action]
			}),
		'clock:speed': (socket, { exerciseId, speed }) => asController(ctx, socket, exerciseId, { type: 'SET_SPEED', speed }),
		'inject:release': (socket, { exerciseId, injectId }) => asController(ctx, socket, exerciseId, { type: 'RELEASE_INJECT', injectId }),
		'inject:hold': (socket, { exerciseId, injectId }) => asController(ctx, socket, exerciseId, { type: 'HOLD_INJECT', injectId }),
		'inject:unhold': (socket, { exerciseId, injectId }) => asController(ctx, socket, exerciseId, { type: 'UNHOLD_INJECT', injectId }),
		'inject:skip': (socket, { exerciseId, injectId }) => asController(ctx, socket, exerciseId, { type: 'SKIP_INJECT', injectId }),
		'inject:add': async (socket, { exerciseId, inMinutes, inject, inReplyTo }) => {
			const session = requireController(socket);
			const state = registry.state(knownExercise(registry, exerciseId))!;
			const injectId = `adhoc-${randomUUID().slice(0, 8)}`;
			const full = injectSchema.parse({ ...inject, id: injectId, at: 0 });
			const dueAt = exerciseTimeAt(state.clock, ctx.now()) + inMinutes * MINUTE;
			const command = { type: 'ADD_INJECT', inject: { ...full, at: undefined }, dueAt, inReplyTo, by: session.name } as const;
			return { ...(await asController(ctx, socket, exerciseId, command)), injectId };
		},
		'message:answer': (socket, { exerciseId, messageId }) =>
			asController(ctx, socket, exerciseId, { type: 'ANSWER_MESSAGE', messageId, by: requireController(socket).name }),
		'team:mark': (socket, { exerciseId, team, mode }) =>
			asController(ctx, socket, exerciseId, { type: 'MARK_TEAM', team, mode, by: requireController(socket).name }),
		'decision:submit-for': (socket, { exerciseId, team, injectId, optionId }) =>
			asController(ctx, socket, exerciseId, { type: 'DECIDE', team, injectId, optionId, by: requireController(socket).name, byControl: true })
	};
}
