/**
 * Personal data after the review (controllers): delete an exercise, anonymise it, and list the people the exercises
 * record so one person's records can be exported (`server/http-personal-data.ts`). Every open page of the exercise
 * is told to open it again, so nobody keeps the names on screen.
 */
import { isPseudonym, peopleIn } from '../../../src/lib/engine/review/personal-data';
import type { PersonSummary } from '../../../src/lib/realtime/contract';
import { actorOf, knownExercise, requireController, RequestError } from '../access';
import type { HandlerGroup, RealtimeContext } from '../handler';
import { rooms } from '../rooms';

export function personalDataHandlers(ctx: RealtimeContext): HandlerGroup<'exercise:delete' | 'exercise:anonymise' | 'people:list'> {
	const { registry, io } = ctx;
	return {
		'exercise:delete': async (socket, { exerciseId }) => {
			const session = requireController(socket);
			const title = registry.state(knownExercise(registry, exerciseId))?.title;
			const result = await registry.erase(exerciseId);
			if (!result.ok) throw new RequestError(result.code, result.error, result.params);
			ctx.presence.forget(exerciseId);
			ctx.log?.(`${actorOf(session)} deleted exercise ${exerciseId} ("${title}")`);
			io.to(rooms.all(exerciseId)).emit('exercise:reset', { exerciseId });
			return null;
		},
		'exercise:anonymise': async (socket, { exerciseId }) => {
			const session = requireController(socket);
			const result = await registry.anonymise(knownExercise(registry, exerciseId));
			if (!result.ok) throw new RequestError(result.code, result.error, result.params);
			ctx.presence.forget(exerciseId);
			ctx.log?.(`${actorOf(session)} anonymised exercise ${exerciseId}`);
			io.to(rooms.all(exerciseId)).emit('exercise:reset', { exerciseId });
			return { people: result.people, events: result.events };
		},
		'people:list': (socket) => {
			requireController(socket);
			const byName = new Map<string, PersonSummary>();
			for (const state of registry.list()) {
				for (const p of peopleIn(registry.events(state.id)).filter((p) => !isPseudonym(p.name))) {
					const entry = byName.get(p.name) ?? { name: p.name, exercises: [] };
					const teamName = p.team ? (state.scenario?.teams.find((t) => t.id === p.team)?.name ?? p.team) : null;
					entry.exercises.push({ exerciseId: state.id, title: state.title, role: p.role, team: p.team, teamName });
					byName.set(p.name, entry);
				}
			}
			return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
		}
	};
}
