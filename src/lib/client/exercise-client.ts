/**
 * The typed requests a browser makes: one method per client → server event of the contract, each resolving with
 * the reply's data or throwing `RequestFailed` with the server's message (or when no answer comes within the
 * socket's `ackTimeout`, see `connect`). A request made while the connection is down waits for it to come back
 * (up to `OFFLINE_WAIT_MS`) before it is sent, so a decision tapped during a short outage — a restarting server,
 * a link dropping for a few seconds — goes through once, instead of spending its deadline on the outage.
 */
import type { Ack, Payload } from '$lib/realtime/contract';
import type { ClientSocket } from './session';

/** A refused or unanswered request: the server's English message, and the code and parameters to word it by. */
export class RequestFailed extends Error {
	constructor(
		message: string,
		readonly code?: string,
		readonly params?: Record<string, string | number>
	) {
		super(message);
	}
}

/**
 * How long a request waits for a dropped connection to come back before it is refused as unreachable. A server
 * restarted after a crash answers again within about 10 s (process start, log recovery, the browser's next
 * reconnect attempt); twice that covers a slow machine.
 */
export const OFFLINE_WAIT_MS = 20_000;

type InjectAction = 'inject:release' | 'inject:hold' | 'inject:unhold' | 'inject:skip';

export class ExerciseClient {
	constructor(private readonly socket: ClientSocket) {}

	// Each method names its event literally: socket.io's types resolve the payload and reply of a known event,
	// not of a generic one, so a single `call<E>(event, payload)` would need a cast. The deadline is the socket's
	// `ackTimeout` rather than `socket.timeout(ms)`, whose `emitWithAck` is typed `any` (socket.io issue #4925).
	join(code: string, name: string) {
		return this.settle(() => this.socket.emitWithAck('session:join', { code, name }));
	}
	signInAsController(key: string, name: string) {
		return this.settle(() => this.socket.emitWithAck('session:controller', { key, name }));
	}
	scenarios() {
		return this.settle(() => this.socket.emitWithAck('scenario:list', {}));
	}
	exercises() {
		return this.settle(() => this.socket.emitWithAck('exercise:list', {}));
	}
	/** A new exercise of `scenarioId`, from its library `version` (the newest ready one when absent). */
	create(scenarioId: string, title?: string, version?: number) {
		return this.settle(() => this.socket.emitWithAck('exercise:create', { scenarioId, title, version }));
	}
	/** Deletes an exercise that is not in play, with everything recorded in it. */
	deleteExercise(exerciseId: string) {
		return this.settle(() => this.socket.emitWithAck('exercise:delete', { exerciseId }));
	}
	/** Replaces people's names in a closed exercise by pseudonyms. */
	anonymise(exerciseId: string) {
		return this.settle(() => this.socket.emitWithAck('exercise:anonymise', { exerciseId }));
	}
	/** The names the exercises on this server record, each with where it was used. */
	people() {
		return this.settle(() => this.socket.emitWithAck('people:list', {}));
	}
	/** The events this session may see after `afterSeq`; `exerciseId` names the exercise for controllers. */
	open(exerciseId: string | undefined, afterSeq: number) {
		return this.settle(() => this.socket.emitWithAck('exercise:open', { exerciseId, afterSeq }));
	}
	control(exerciseId: string, action: Payload<'exercise:control'>['action']) {
		return this.settle(() => this.socket.emitWithAck('exercise:control', { exerciseId, action }));
	}
	speed(exerciseId: string, speed: number) {
		return this.settle(() => this.socket.emitWithAck('clock:speed', { exerciseId, speed }));
	}
	/** Release now, hold, un-hold or skip one inject of the MSEL. */
	inject(action: InjectAction, exerciseId: string, injectId: string) {
		return this.settle(() => this.socket.emitWithAck(action, { exerciseId, injectId }));
	}
	addInject(request: Payload<'inject:add'>) {
		return this.settle(() => this.socket.emitWithAck('inject:add', request));
	}
	decide(injectId: string, optionId: string) {
		return this.settle(() => this.socket.emitWithAck('decision:submit', { injectId, optionId }));
	}
	/** Exercise control answers for a team it plays (the team must be marked "played by control"). */
	decideFor(exerciseId: string, team: string, injectId: string, optionId: string) {
		return this.settle(() => this.socket.emitWithAck('decision:submit-for', { exerciseId, team, injectId, optionId }));
	}
	/** Marks a team's message to exercise control as dealt with, without an inject. */
	answerMessage(exerciseId: string, messageId: string) {
		return this.settle(() => this.socket.emitWithAck('message:answer', { exerciseId, messageId }));
	}
	markTeam(exerciseId: string, team: string, mode: Payload<'team:mark'>['mode']) {
		return this.settle(() => this.socket.emitWithAck('team:mark', { exerciseId, team, mode }));
	}
	send(message: Payload<'message:send'>) {
		return this.settle(() => this.socket.emitWithAck('message:send', message));
	}
	observe(observation: Payload<'evaluation:observe'>) {
		return this.settle(() => this.socket.emitWithAck('evaluation:observe', observation));
	}
	editObservation(note: Payload<'evaluation:observe-edit'>) {
		return this.settle(() => this.socket.emitWithAck('evaluation:observe-edit', note));
	}
	deleteObservation(exerciseId: string | undefined, observationId: string) {
		return this.settle(() => this.socket.emitWithAck('evaluation:observe-delete', { exerciseId, observationId }));
	}
	/** Writes one section of the AAR's narrative (empty text clears it). */
	setNarrative(exerciseId: string | undefined, section: Payload<'evaluation:narrative'>['section'], text: string) {
		return this.settle(() => this.socket.emitWithAck('evaluation:narrative', { exerciseId, section, text }));
	}
	rate(rating: Payload<'evaluation:rate'>) {
		return this.settle(() => this.socket.emitWithAck('evaluation:rate', rating));
	}
	saveImprovement(item: Payload<'evaluation:improvement'>) {
		return this.settle(() => this.socket.emitWithAck('evaluation:improvement', item));
	}
	adjustScore(adjustment: Payload<'score:adjust'>) {
		return this.settle(() => this.socket.emitWithAck('score:adjust', adjustment));
	}
	shareReview(exerciseId: string, participantsMaySee: boolean) {
		return this.settle(() => this.socket.emitWithAck('review:share', { exerciseId, participantsMaySee }));
	}
	history(scenarioId: string) {
		return this.settle(() => this.socket.emitWithAck('review:history', { scenarioId }));
	}
	task(order: Payload<'asset:task'>) {
		return this.settle(() => this.socket.emitWithAck('asset:task', order));
	}
	setFacility(change: Payload<'facility:set'>) {
		return this.settle(() => this.socket.emitWithAck('facility:set', change));
	}
	/** Takes one member's access away (`sid`: their browser session, from the presence list). */
	removeMember(exerciseId: string, sid: string) {
		return this.settle(() => this.socket.emitWithAck('member:remove', { exerciseId, sid }));
	}
	/** Gives a team (or the evaluators, or the observers) a new join code; `signOut`: the old code's holders lose access. */
	rotateCode(request: Payload<'code:rotate'>) {
		return this.settle(() => this.socket.emitWithAck('code:rotate', request));
	}

	private async settle<T>(send: () => Promise<Ack<T>>): Promise<T> {
		await this.connected();
		let ack: Ack<T>;
		try {
			ack = await send();
		} catch {
			// Past the deadline, or the connection dropped while waiting.
			throw new RequestFailed('the server did not answer in time', 'timeout');
		}
		if (!ack.ok) throw new RequestFailed(ack.error, ack.code, ack.params);
		return ack.data;
	}

	/** Resolves once the socket is connected, or fails as unreachable after `OFFLINE_WAIT_MS` without a connection. */
	private connected(): Promise<void> {
		if (this.socket.connected) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const back = () => {
				clearTimeout(timer);
				resolve();
			};
			const timer = setTimeout(() => {
				this.socket.off('connect', back);
				reject(new RequestFailed('the server cannot be reached', 'unreachable'));
			}, OFFLINE_WAIT_MS);
			this.socket.once('connect', back);
		});
	}
}
