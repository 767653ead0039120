/**
 * The exercise lifecycle (setup → running ⇄ paused → ended → closed), written once:
 * the status each lifecycle event leaves an exercise in. The machine's transitions,
 * `evolve` and the store's status column all read this table, so they cannot drift.
 */
import type { DomainEventBody } from './events';
import type { ExerciseStatus } from './state';

export const STATUS_AFTER = {
	'exercise.started': 'running',
	'exercise.resumed': 'running',
	// A recovered exercise carries on running from the last moment its server was alive.
	'exercise.recovered': 'running',
	'exercise.paused': 'paused',
	'exercise.ended': 'ended',
	'exercise.closed': 'closed'
} as const satisfies { [T in DomainEventBody['type']]?: ExerciseStatus };

export type LifecycleEventType = keyof typeof STATUS_AFTER;

const isLifecycleEvent = (type: string): type is LifecycleEventType => Object.hasOwn(STATUS_AFTER, type);

/** The status an event leaves the exercise in, or null if it does not change it. */
export function statusAfter(event: Pick<DomainEventBody, 'type'>): ExerciseStatus | null {
	return isLifecycleEvent(event.type) ? STATUS_AFTER[event.type] : null;
}
