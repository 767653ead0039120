/** The words for states the engine and the live view name by code: an exercise's status, the connection's state. */
import type { ExerciseStatus } from '$lib/engine/exercise/state';
import type { ConnectionState } from '$lib/client/exercise-view.svelte';
import { m } from '$lib/paraglide/messages';

const STATUS: Record<ExerciseStatus, () => string> = {
	setup: m.status_setup,
	running: m.status_running,
	paused: m.status_paused,
	ended: m.status_ended,
	closed: m.status_closed
};

const CONNECTION: Record<ConnectionState, () => string> = {
	connecting: m.connection_connecting,
	online: m.connection_online,
	offline: m.connection_offline,
	refused: m.connection_refused
};

export const statusWord = (status: ExerciseStatus): string => STATUS[status]();
export const connectionWord = (state: ConnectionState): string => CONNECTION[state]();
