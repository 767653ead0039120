/**
 * A browser's live view of one exercise: the events this session may see,
 * folded with the same `evolve` reducer the server uses. Resyncs from the last
 * seen event after every (re)connect, so a dropped connection or a server
 * restart loses nothing.
 */
import { exerciseTimeAt } from '$lib/engine/exercise/clock';
import type { DomainEvent } from '$lib/engine/exercise/events';
import { reviewOpenFor } from '$lib/engine/exercise/audience';
import { emptyExercise, foldEvents, type ExerciseState } from '$lib/engine/exercise/state';
import type { JoinCodes, Presence } from '$lib/realtime/contract';
import { request, type ClientSocket } from './session';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'refused';

export class ExerciseView {
	state = $state.raw<ExerciseState>(emptyExercise(''));
	events = $state.raw<DomainEvent[]>([]);
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

	constructor(
		private socket: ClientSocket,
		private exerciseId?: string,
		private role: string = 'participant'
	) {
		socket.on('exercise:events', (events) => this.apply(events));
		socket.on('exercise:presence', (presence) => {
			if (presence.exerciseId === this.state.id) this.presence = presence;
		});
		socket.on('server:shutdown', ({ reason }) => {
			this.error = `${reason}: reconnecting automatically…`;
			// The server closed this connection on purpose; keep trying until it is back.
			setTimeout(() => socket.connect(), 1000);
		});
		socket.on('connect', () => void this.open());
		socket.on('disconnect', () => (this.connection = 'offline'));
		socket.on('connect_error', (err) => {
			this.connection = socket.active ? 'offline' : 'refused';
			this.error = err.message;
		});
		if (socket.connected) void this.open();
		this.timer = setInterval(() => (this.wallNow = Date.now() + this.offset), 250);
	}

	private async open() {
		try {
			const opened = await request(this.socket, 'exercise:open', {
				exerciseId: this.exerciseId,
				afterSeq: this.state.lastSeq
			});
			this.offset = opened.serverWall - Date.now();
			if (opened.codes) this.codes = opened.codes;
			this.apply(opened.events);
			this.connection = 'online';
			this.error = null;
		} catch (err) {
			this.connection = 'refused';
			this.error = (err as Error).message;
		}
	}

	private apply(events: DomainEvent[]) {
		const fresh = events.filter((e) => e.exerciseId === (this.state.id || e.exerciseId) && e.seq > this.state.lastSeq);
		if (fresh.length === 0) return;
		const state = foldEvents(this.state.id, fresh, this.state);
		const wasOpen = reviewOpenFor(this.state);
		this.state = state;
		this.events = [...this.events, ...fresh];
		// When a team's review opens, earlier evaluation events become visible to it: fetch the log again.
		if (this.role === 'participant' && !wasOpen && reviewOpenFor(state)) void this.reload();
	}

	/** Drops the local view and fetches everything this session may see. */
	async reload() {
		this.state = emptyExercise('');
		this.events = [];
		await this.open();
	}

	destroy() {
		if (this.timer) clearInterval(this.timer);
		this.socket.off('exercise:events');
		this.socket.off('exercise:presence');
		this.socket.off('server:shutdown');
		this.socket.off('connect');
		this.socket.off('disconnect');
		this.socket.off('connect_error');
	}
}
