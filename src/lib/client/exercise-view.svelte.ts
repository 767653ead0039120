/**
 * A browser's live view of one exercise: the events this session may see,
 * folded with the same `evolve` reducer the server uses. Resyncs from the last
 * seen event after every (re)connect, so a dropped connection or a server
 * restart loses nothing.
 *
 * Scenario texts arrive in the scenario's own language with their translations; the view localises each event into
 * `textLanguage` (the reader's interface language unless a controller or evaluator chooses to read as a team does)
 * before folding it, so every panel shows the same language without knowing about translations.
 */
import { exerciseTimeAt } from '$lib/engine/exercise/clock';
import type { DomainEvent } from '$lib/engine/exercise/events';
import { reviewOpenFor } from '$lib/engine/exercise/audience';
import { emptyExercise, foldEvents, type ExerciseState } from '$lib/engine/exercise/state';
import { localizeEvent } from '$lib/engine/scenario/localize';
import type { ScenarioLanguage } from '$lib/engine/scenario/vocabulary';
import { currentLanguage } from '$lib/i18n/languages';
import type { JoinCodes, Presence } from '$lib/realtime/contract';
import { ExerciseClient } from './exercise-client';
import { plainError } from './plain-error';
import type { ClientSocket } from './session';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'refused';

export class ExerciseView {
	state = $state.raw<ExerciseState>(emptyExercise(''));
	/** The events, localised into `textLanguage`. */
	events = $state.raw<DomainEvent[]>([]);
	/** The language scenario texts are shown in (see `readAs`). */
	textLanguage = $state<ScenarioLanguage>(currentLanguage());
	/** The events as the server sent them, to localise again when `textLanguage` changes. */
	private raw: DomainEvent[] = [];
	codes = $state.raw<JoinCodes | null>(null);
	connection = $state<ConnectionState>('connecting');
	/** Who is connected (controllers only receive this). */
	presence = $state.raw<Presence | null>(null);
	error = $state<string | null>(null);
	/** Wall clock of this browser, corrected to the server's, refreshed a few times a second. */
	wallNow = $state(Date.now());
	private offset = 0;
	private timer: ReturnType<typeof setInterval> | null = null;

	/** Exercise time (ms) now, as the server's clock has it. */
	exerciseTime = $derived(exerciseTimeAt(this.state.clock, this.wallNow));

	/** This view's own listeners, kept so that destroy() removes these and no other code's listeners on the same socket. */
	private readonly handlers = {
		events: (events: DomainEvent[]) => this.apply(events),
		presence: (presence: Presence) => {
			if (presence.exerciseId === this.state.id) this.presence = presence;
		},
		/** A controller gave a team or role a new code: every controller's list shows it at once. */
		codes: ({ exerciseId, codes }: { exerciseId: string; codes: JoinCodes }) => {
			if (exerciseId === this.state.id) this.codes = codes;
		},
		shutdown: ({ reason }: { reason: string }) => {
			this.error = `${reason}: reconnecting automatically…`;
			// The server closed this connection on purpose; keep trying until it is back.
			setTimeout(() => this.socket.connect(), 1000);
		},
		/** The log was anonymised or the exercise deleted: what is on screen may hold names, so open it again from the start. */
		reset: async ({ exerciseId }: { exerciseId: string }) => {
			if (exerciseId !== this.state.id) return;
			await this.reload();
			// Deleted: nothing of it stays on screen.
			if (this.connection === 'refused') this.replace([]);
		},
		connect: () => void this.open(),
		disconnect: () => (this.connection = 'offline'),
		connectError: (err: Error) => {
			this.connection = this.socket.active ? 'offline' : 'refused';
			this.error = plainError(err, 'open');
		}
	};
	private readonly client: ExerciseClient;

	constructor(
		private socket: ClientSocket,
		private exerciseId?: string,
		private role: string = 'participant'
	) {
		this.client = new ExerciseClient(socket);
		socket.on('exercise:events', this.handlers.events);
		socket.on('exercise:presence', this.handlers.presence);
		socket.on('exercise:codes', this.handlers.codes);
		socket.on('server:shutdown', this.handlers.shutdown);
		socket.on('exercise:reset', this.handlers.reset);
		socket.on('connect', this.handlers.connect);
		socket.on('disconnect', this.handlers.disconnect);
		socket.on('connect_error', this.handlers.connectError);
		if (socket.connected) void this.open();
		this.timer = setInterval(() => (this.wallNow = Date.now() + this.offset), 250);
	}

	/** Fetches what this session may see after `afterSeq` (0: everything, replacing the view once it has arrived). */
	private async open(afterSeq = this.state.lastSeq) {
		try {
			const opened = await this.client.open(this.exerciseId, afterSeq);
			this.offset = opened.serverWall - Date.now();
			if (opened.codes) this.codes = opened.codes;
			if (afterSeq === 0) this.replace(opened.events);
			else this.apply(opened.events);
			this.connection = 'online';
			this.error = null;
		} catch (err) {
			this.connection = 'refused';
			this.error = plainError(err, 'open');
		}
	}

	/** Events with their scenario texts in `textLanguage` (logs from before scenarios had a language are English). */
	private localize(events: DomainEvent[]): DomainEvent[] {
		let language: ScenarioLanguage = this.state.scenario?.language ?? 'en';
		return events.map((e) => {
			if (e.type === 'exercise.created') language = e.scenario.language ?? 'en';
			return localizeEvent(e, this.textLanguage, language);
		});
	}

	private apply(events: DomainEvent[]) {
		const fresh = events.filter((e) => e.exerciseId === (this.state.id || e.exerciseId) && e.seq > this.state.lastSeq);
		if (fresh.length === 0) return;
		const localized = this.localize(fresh);
		const state = foldEvents(this.state.id, localized, this.state);
		const wasOpen = reviewOpenFor(this.state);
		this.state = state;
		this.raw = [...this.raw, ...fresh];
		this.events = [...this.events, ...localized];
		// When a team's review opens, earlier evaluation events become visible to it: fetch the log again, once.
		if (this.role === 'participant' && !wasOpen && reviewOpenFor(state)) void this.reload();
	}

	/** A whole log fetched afresh: the view is rebuilt from it in one step (no empty state in between, no second reload). */
	private replace(events: DomainEvent[]) {
		const id = events[0]?.exerciseId ?? this.state.id;
		const localized = this.localize(events);
		this.state = foldEvents(id, localized, emptyExercise(id));
		this.raw = events;
		this.events = localized;
	}

	/** Shows the scenario's texts in `language` (a controller or evaluator reading what a team reads); the view is rebuilt at once. */
	readAs(language: ScenarioLanguage) {
		if (language === this.textLanguage) return;
		this.textLanguage = language;
		this.replace(this.raw);
	}

	/** Fetches everything this session may see and rebuilds the view from it; the old view stays on screen until then. */
	async reload() {
		await this.open(0);
	}

	destroy() {
		if (this.timer) clearInterval(this.timer);
		this.socket.off('exercise:events', this.handlers.events);
		this.socket.off('exercise:presence', this.handlers.presence);
		this.socket.off('exercise:codes', this.handlers.codes);
		this.socket.off('server:shutdown', this.handlers.shutdown);
		this.socket.off('exercise:reset', this.handlers.reset);
		this.socket.off('connect', this.handlers.connect);
		this.socket.off('disconnect', this.handlers.disconnect);
		this.socket.off('connect_error', this.handlers.connectError);
	}
}
