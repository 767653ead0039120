/** The words for states the engine and the live view name by code: an exercise's status, the connection's state. */
import type { ExerciseStatus } from '$lib/engine/exercise/state';
import type { ConnectionState } from '$lib/client/exercise-view.svelte';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Channel } from '$lib/engine/scenario/vocabulary';

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

/** A scenario's title with the studio library version an exercise was created from, when it has one. */
export const scenarioWithVersion = (title: string, version: number | null | undefined, locale?: Locale): string =>
	version ? m.scenario_with_version({ scenario: title, version }, { locale }) : title;
export const connectionWord = (state: ConnectionState): string => CONNECTION[state]();

const CHANNEL: Record<Channel, (inputs: object, options: { locale?: Locale }) => string> = {
	radio: m.channel_radio,
	phone: m.channel_phone,
	email: m.channel_email,
	intel: m.channel_intel,
	media: m.channel_media,
	map: m.channel_map
};

/** How an inject channel is named to people ("Intel report"), in `locale` or the reader's; an unknown channel (an old log) as it is. */
export const channelWord = (channel: string, locale?: Locale): string => (channel in CHANNEL ? CHANNEL[channel as Channel]({}, { locale }) : channel);

/** The name of exercise control, the pseudo-team that sends injects and receives teams' messages to control. */
export const exerciseControlName = (): string => m.exercise_control();
