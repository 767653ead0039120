/**
 * Load test: many exercises played at once against the real server, checking
 * exactly-once, in-order, team-scoped delivery of injects and a stable server
 * memory footprint. Standalone (not a vitest spec):
 *
 *   node --import tsx tests/load/load-test.ts
 *
 * Knobs (env): DURATION_S (120), SPEED (10), EXERCISES (10), PARTICIPANTS (500,
 * spread evenly over the exercises), BATCH (50 clients connected at a time).
 * Talks to 127.0.0.1 only, stops by itself (hard timeout) and exits 0 on
 * success, 1 on failure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { eventsForAudience, type Audience } from '../../src/lib/engine/exercise/audience';
import { decidingTeams } from '../../src/lib/engine/scenario/kinds';
import { loadScenario } from '../fixtures/load-scenario';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import type { ClientEventName, Payload, Replies } from '../../src/lib/realtime/contract';
import { CONTROLLER_KEY, startServer, tempDir, type RunningServer } from '../integration/harness';
import { ACK_TIMEOUT_MS, assertLocal, call, connect } from '../bench/lib/sockets';

// ---------------------------------------------------------------- configuration

function intEnv(name: string, fallback: number, min: number, max: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isFinite(n) || n < min || n > max) {
		console.error(`${name} must be a number between ${min} and ${max} (got "${raw}")`);
		process.exit(1);
	}
	return n;
}

const DURATION_S = intEnv('DURATION_S', 120, 1, 3600);
const SPEED = intEnv('SPEED', 10, 1, 60);
const EXERCISES = intEnv('EXERCISES', 10, 1, 100);
const PARTICIPANTS = intEnv('PARTICIPANTS', 500, EXERCISES, 5000);
const BATCH = intEnv('BATCH', 50, 1, 1000);

const SCENARIO = 'maritime-trafficking-southern-caribbean';
/** Every team of the scenario, read from its file. */
const TEAMS = loadScenario(`scenarios/${SCENARIO}.yaml`).teams.map((t) => t.id);
const RSS_INTERVAL_MS = 5_000;
const RSS_GROWTH_LIMIT = 1.5;
const BARRIER_TIMEOUT_MS = 20_000;
/** Generous: setup, the run itself, the drain barrier and shutdown. */
const HARD_TIMEOUT_MS = DURATION_S * 1000 + 300_000;

// ---------------------------------------------------------------- bookkeeping

const errors: string[] = [];
const error = (message: string) => {
	errors.push(message);
	if (errors.length <= 20) console.error(`  ! ${message}`);
};
const log = (message: string) => console.log(`[load ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const t0 = Date.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Received {
	seq: number;
	type: DomainEvent['type'];
	injectId?: string;
	to?: string[];
	team?: string;
	wall: number;
	at: number;
}

interface Sim {
	kind: 'controller' | 'participant';
	exercise: number;
	exerciseId: string;
	team: string | null;
	name: string;
	socket: Socket;
	/** Highest seq in the `exercise:open` snapshot; live events follow it. */
	openSeq: number;
	live: Received[];
	decider: boolean;
	closing: boolean;
}

interface ExerciseRun {
	index: number;
	exerciseId: string;
	codes: Record<string, string>;
	controller: Sim;
	members: Sim[];
	pauseSeq: number;
	log: DomainEvent[];
}

const sims: Sim[] = [];
const anonSockets = new Set<Socket>();
const latencies: number[] = [];
/** How late the server's own timer released scheduled injects, in wall ms (from the controllers' copies). */
const lateness: number[] = [];
let decisionsMade = 0;
let decisionsAttempted = 0;
/** Decisions refused because the pause at the end of the run overtook them (correct behaviour, not an error). */
let decisionsLate = 0;
let pendingDecisions = 0;
/** Set just before the controllers pause their exercises. */
let pausing = false;
let server: RunningServer | null = null;
let tmp: ReturnType<typeof tempDir> | null = null;

// ---------------------------------------------------------------- sockets

async function ok<E extends ClientEventName>(socket: Socket, event: E, payload: Payload<E>, who: string): Promise<Replies[E]> {
	const reply = await call(socket, event, payload);
	if (!reply.ok) throw new Error(`${who}: ${event} refused: ${reply.error}`);
	return reply.data;
}

/** Records every event a client receives, and lets the designated decider answer its team's decisions. */
function watch(sim: Sim) {
	const s = sim.socket;
	s.on('exercise:events', (events: DomainEvent[]) => {
		const now = Date.now();
		for (const e of events) {
			const r: Received = { seq: e.seq, type: e.type, wall: e.wall, at: now };
			if (e.type === 'inject.released') {
				r.injectId = e.injectId;
				r.to = e.inject.to;
				if (sim.kind === 'participant') latencies.push(now - e.wall);
				// Timed injects only: a triggered one has no schedule to be late against.
				if (sim.kind === 'controller' && !e.manual && e.inject.at !== undefined) lateness.push((e.at - e.inject.at * 60_000) / SPEED);
				if (sim.decider && sim.team && e.inject.decision && decidingTeams(e.inject).includes(sim.team)) {
					const optionId = e.inject.decision.options[0]!.id;
					decisionsAttempted++;
					pendingDecisions++;
					void call(s, 'decision:submit', { injectId: e.injectId, optionId }).then((reply) => {
						pendingDecisions--;
						if (reply.ok) decisionsMade++;
						else if (pausing && /paused/.test(reply.error)) decisionsLate++;
						else if (!sim.closing) error(`${sim.name}: decision on ${e.injectId} refused: ${reply.error}`);
					});
				}
			} else if (e.type === 'decision.submitted' || e.type === 'decision.expired') {
				r.injectId = e.injectId;
				r.team = e.team;
			}
			sim.live.push(r);
		}
	});
	s.on('disconnect', (reason) => {
		if (!sim.closing) error(`${sim.name}: disconnected (${reason})`);
	});
	s.on('connect_error', (err) => {
		if (!sim.closing) error(`${sim.name}: connect error (${err.message})`);
	});
	s.on('server:shutdown', (notice: { reason: string }) => {
		if (!sim.closing) error(`${sim.name}: server shutdown notice (${notice.reason})`);
	});
}

// ---------------------------------------------------------------- server process figures

interface RssSample {
	t: number;
	kb: number;
	label?: string;
}
const rssSamples: RssSample[] = [];

function readRssKb(pid: number): number | null {
	try {
		const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : null;
	} catch {
		return null;
	}
}

/** utime + stime of a process, in seconds. */
function readCpuS(pid: number): number | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
	} catch {
		return null;
	}
}

function sampleRss(label?: string): RssSample | null {
	const pid = server?.process.pid;
	if (!pid) return null;
	const kb = readRssKb(pid);
	if (kb === null) {
		error(`could not read VmRSS of server pid ${pid}`);
		return null;
	}
	const sample = { t: Date.now() - t0, kb, label };
	rssSamples.push(sample);
	return sample;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i]!;
}

// ---------------------------------------------------------------- the run

async function setUpExercise(url: string, controllerToken: string, index: number): Promise<ExerciseRun> {
	const name = `controller-${index}`;
	const socket = await connect(url, controllerToken);
	const created = await ok(socket, 'exercise:create', { scenarioId: SCENARIO, title: `Load test exercise ${index}` }, name);
	const controller: Sim = {
		kind: 'controller',
		exercise: index,
		exerciseId: created.exerciseId,
		team: null,
		name,
		socket,
		openSeq: 0,
		live: [],
		decider: false,
		closing: false
	};
	watch(controller);
	sims.push(controller);
	const opened = await ok(socket, 'exercise:open', { exerciseId: created.exerciseId }, name);
	controller.openSeq = opened.events.at(-1)?.seq ?? 0;
	const teams = Object.keys(created.codes.teams).sort();
	if (teams.join() !== [...TEAMS].sort().join()) throw new Error(`${name}: unexpected teams ${teams.join(', ')}`);
	return { index, exerciseId: created.exerciseId, codes: created.codes.teams, controller, members: [], pauseSeq: 0, log: [] };
}

async function joinParticipant(url: string, run: ExerciseRun, n: number): Promise<void> {
	const team = TEAMS[n % TEAMS.length]!;
	const name = `x${run.index}-${team}-${n}`;
	const anon = await connect(url);
	anonSockets.add(anon);
	const joined = await call(anon, 'session:join', { code: run.codes[team]!, name });
	anon.disconnect();
	anonSockets.delete(anon);
	if (!joined.ok) throw new Error(`${name}: session:join refused: ${joined.error}`);
	const session = joined.data.session;
	if (session.role !== 'participant' || session.team !== team || session.exerciseId !== run.exerciseId)
		throw new Error(`${name}: joined as ${JSON.stringify(session)}`);
	const socket = await connect(url, joined.data.token);
	const sim: Sim = {
		kind: 'participant',
		exercise: run.index,
		exerciseId: run.exerciseId,
		team,
		name,
		socket,
		openSeq: 0,
		live: [],
		// One designated decider per team and exercise: the team's first member.
		decider: n < TEAMS.length,
		closing: false
	};
	watch(sim);
	sims.push(sim);
	run.members.push(sim);
	const opened = await ok(socket, 'exercise:open', {}, name);
	sim.openSeq = opened.events.at(-1)?.seq ?? 0;
}

/** Checks one client's live events against the exercise's full log. */
function verify(sim: Sim, run: ExerciseRun) {
	const fail = (msg: string) => error(`${sim.name}: ${msg}`);
	// Exactly once, in order, for every event (not just injects).
	const seen = new Set<number>();
	let last = sim.openSeq;
	for (const r of sim.live) {
		if (seen.has(r.seq)) fail(`duplicate delivery of seq ${r.seq} (${r.type}${r.injectId ? ` ${r.injectId}` : ''})`);
		else if (r.seq <= last) fail(`out of order: seq ${r.seq} (${r.type}) after seq ${last}`);
		seen.add(r.seq);
		last = Math.max(last, r.seq);
	}
	const injects = sim.live.filter((r) => r.type === 'inject.released');
	const byId = new Map(run.log.flatMap((e) => (e.type === 'inject.released' ? [[e.injectId, e] as const] : [])));
	if (sim.team) {
		// (2) Nothing addressed to another team, judged by the event and by the controller's log.
		for (const r of injects) {
			const logged = byId.get(r.injectId!);
			if (!r.to!.includes(sim.team) || (logged && !logged.inject.to.includes(sim.team))) fail(`received inject ${r.injectId} addressed to ${r.to!.join(', ')}`);
			if (!logged) fail(`received inject ${r.injectId} that is not in the controller's log`);
			else if (logged.seq !== r.seq) fail(`inject ${r.injectId} arrived with seq ${r.seq}, log says ${logged.seq}`);
		}
		for (const r of sim.live)
			if ((r.type === 'decision.submitted' || r.type === 'decision.expired') && r.team !== sim.team) fail(`received ${r.type} of team ${r.team}`);
	}
	// (1) + (3) Each inject the log released to this audience arrived exactly once.
	const expected = run.log.filter((e) => e.type === 'inject.released' && e.seq > sim.openSeq && (!sim.team || e.inject.to.includes(sim.team)));
	const got = new Map<string, number>();
	for (const r of injects) got.set(r.injectId!, (got.get(r.injectId!) ?? 0) + 1);
	for (const e of expected) {
		if (e.type !== 'inject.released') continue;
		const count = got.get(e.injectId) ?? 0;
		if (count !== 1) fail(`inject ${e.injectId} (seq ${e.seq}) delivered ${count} times`);
	}
	const expectedIds = new Set(expected.map((e) => (e.type === 'inject.released' ? e.injectId : '')));
	for (const id of got.keys()) if (!expectedIds.has(id)) fail(`got inject ${id} the log did not release to ${sim.team ?? 'it'}`);
	// And the whole stream equals the log as filtered for this audience.
	const audience: Audience = sim.team ? { role: 'participant', team: sim.team } : { role: 'controller' };
	const want = eventsForAudience(
		run.log.filter((e) => e.seq > sim.openSeq),
		audience
	).map((e) => e.seq);
	const have = sim.live.map((r) => r.seq);
	if (want.join() !== have.join()) {
		const missing = want.filter((s) => !have.includes(s));
		const extra = have.filter((s) => !want.includes(s));
		fail(
			`event stream differs from the log: got seq [${have.join(', ')}], log says [${want.join(', ')}] (missing [${missing.join(', ')}], unexpected [${extra.join(', ')}])`
		);
	}
}

async function main(): Promise<number> {
	console.log(
		`Crosscurrent load test: ${EXERCISES} exercises, ${PARTICIPANTS} participants (+${EXERCISES} controllers), ` +
			`${DURATION_S} s at ${SPEED}x, batches of ${BATCH}`
	);
	tmp = tempDir();
	server = await startServer({
		dbFile: path.join(tmp.dir, 'load.db'),
		env: { RATE_LIMIT_FAILED_JOINS_PER_MINUTE: '100000' }
	});
	assertLocal(server.url);
	const pid = server.process.pid!;
	log(`server pid ${pid} on ${server.url}`);
	server.process.on('exit', (code, signal) => {
		if (!stopping) error(`server exited unexpectedly (code ${code}, signal ${signal})`);
	});
	sampleRss('started');
	const sampler = setInterval(() => sampleRss(), RSS_INTERVAL_MS);
	const loopDelay = monitorEventLoopDelay({ resolution: 20 });
	loopDelay.enable();

	// Controllers: one sign-in, then one socket per exercise.
	const anon = await connect(server.url);
	const signedIn = await ok(anon, 'session:controller', { key: CONTROLLER_KEY, name: 'Load controller' }, 'controller sign-in');
	anon.disconnect();
	const runs: ExerciseRun[] = [];
	for (let i = 0; i < EXERCISES; i++) runs.push(await setUpExercise(server.url, signedIn.token, i));
	log(`${runs.length} exercises created`);

	// Participants, spread round-robin over exercises, connected BATCH at a time.
	const slots: [ExerciseRun, number][] = [];
	const perExercise = runs.map(() => 0);
	for (let p = 0; p < PARTICIPANTS; p++) {
		const i = p % EXERCISES;
		slots.push([runs[i]!, perExercise[i]!++]);
	}
	const connectStart = Date.now();
	for (let b = 0; b < slots.length; b += BATCH) {
		const batch = slots.slice(b, b + BATCH);
		const results = await Promise.allSettled(batch.map(([run, n]) => joinParticipant(server!.url, run, n)));
		for (const r of results) if (r.status === 'rejected') error((r.reason as Error).message);
	}
	const connectS = (Date.now() - connectStart) / 1000;
	const connected = sims.filter((s) => s.kind === 'participant' && s.socket.connected).length;
	log(`${connected}/${PARTICIPANTS} participants connected and opened in ${connectS.toFixed(1)} s`);
	await sleep(500); // let presence updates settle before taking the baseline
	const baseline = sampleRss('all connected');
	const cpuBefore = readCpuS(pid);
	const clientCpuBefore = process.cpuUsage();

	// Play: speed, then start, for every exercise at once.
	const runStart = Date.now();
	await Promise.all(
		runs.map(async (run) => {
			await ok(run.controller.socket, 'clock:speed', { exerciseId: run.exerciseId, speed: SPEED }, run.controller.name);
			await ok(run.controller.socket, 'exercise:control', { exerciseId: run.exerciseId, action: 'start' }, run.controller.name);
		})
	);
	log(`all exercises started at ${SPEED}x; running ${DURATION_S} s`);
	const progress = setInterval(() => {
		const injects = sims.reduce((n, s) => n + (s.kind === 'participant' ? s.live.filter((r) => r.type === 'inject.released').length : 0), 0);
		const rss = rssSamples.at(-1);
		log(`inject deliveries so far ${injects}, decisions ${decisionsMade}, server RSS ${rss ? mb(rss.kb) : '?'}`);
	}, 30_000);
	await sleep(DURATION_S * 1000);
	clearInterval(progress);

	// Stop the clocks; the pause event is visible to everyone and is the delivery barrier.
	pausing = true;
	await Promise.all(
		runs.map(async (run) => {
			const paused = await ok(run.controller.socket, 'exercise:control', { exerciseId: run.exerciseId, action: 'pause' }, run.controller.name);
			run.pauseSeq = paused.seq;
		})
	);
	const runS = (Date.now() - runStart) / 1000;
	const cpuAfter = readCpuS(pid);
	const clientCpu = process.cpuUsage(clientCpuBefore);
	const barrierStart = Date.now();
	const drained = () => runs.every((run) => [run.controller, ...run.members].every((s) => !s.socket.connected || (s.live.at(-1)?.seq ?? 0) >= run.pauseSeq));
	while (!drained() && Date.now() - barrierStart < BARRIER_TIMEOUT_MS) await sleep(50);
	if (!drained()) error(`not every client saw its exercise pause within ${BARRIER_TIMEOUT_MS} ms`);
	// Let decisions in flight at the pause get their acks.
	const settleStart = Date.now();
	while (pendingDecisions > 0 && Date.now() - settleStart < ACK_TIMEOUT_MS + 1000) await sleep(50);
	for (const run of runs) {
		const full = await ok(run.controller.socket, 'exercise:open', { exerciseId: run.exerciseId }, run.controller.name);
		run.log = full.events;
	}
	const last = sampleRss('end of run');
	clearInterval(sampler);
	loopDelay.disable();

	// ------------------------------------------------------------ checks
	for (const run of runs) {
		const seqs = run.log.map((e) => e.seq);
		if (seqs.some((s, i) => s !== i + 1)) error(`exercise ${run.index}: log seqs are not 1..n`);
		const released = run.log.filter((e) => e.type === 'inject.released').map((e) => (e.type === 'inject.released' ? e.injectId : ''));
		if (new Set(released).size !== released.length) error(`exercise ${run.index}: an inject was released twice in the log`);
		for (const sim of [run.controller, ...run.members]) verify(sim, run);
	}
	const expectedDecisions = runs.reduce(
		(n, run) =>
			n +
			run.log.reduce(
				(m, e) => m + (e.type === 'inject.released' ? decidingTeams(e.inject).filter((t) => run.members.some((s) => s.decider && s.team === t)).length : 0),
				0
			),
		0
	);
	const loggedDecisions = runs.reduce((n, run) => n + run.log.filter((e) => e.type === 'decision.submitted').length, 0);
	const expired = runs.reduce((n, run) => n + run.log.filter((e) => e.type === 'decision.expired').length, 0);
	if (decisionsMade + decisionsLate !== expectedDecisions)
		error(`decisions: ${decisionsMade} made + ${decisionsLate} overtaken by the pause, ${expectedDecisions} expected`);
	if (loggedDecisions !== decisionsMade) error(`decisions: ${decisionsMade} acked, ${loggedDecisions} in the logs`);
	const serverOut = server.output();
	const serverErrors = serverOut.split('\n').filter((l) => /error in |append failed|heartbeat failed|uncaught|unhandled/i.test(l));
	for (const l of serverErrors.slice(0, 5)) error(`server log: ${l}`);
	if (serverErrors.length > 5) error(`server log: ${serverErrors.length - 5} more error lines`);

	let rssOk = true;
	if (baseline && last && last.kb > baseline.kb * RSS_GROWTH_LIMIT) {
		rssOk = false;
		error(`server RSS grew from ${mb(baseline.kb)} to ${mb(last.kb)} (> ${RSS_GROWTH_LIMIT}x)`);
	}

	// ------------------------------------------------------------ summary
	const participants = sims.filter((s) => s.kind === 'participant');
	const injectDeliveries = participants.reduce((n, s) => n + s.live.filter((r) => r.type === 'inject.released').length, 0);
	const allDeliveries = sims.reduce((n, s) => n + s.live.length, 0);
	const releasedTotal = runs.reduce((n, run) => n + run.log.filter((e) => e.type === 'inject.released').length, 0);
	const exerciseMinutes = (runS * SPEED) / 60;
	const sorted = [...latencies].sort((a, b) => a - b);
	const kbs = rssSamples.map((s) => s.kb);
	const fmtMs = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n} ms`);

	console.log('\n================ Crosscurrent load test summary ================');
	console.log(`clients             ${participants.length} participants + ${runs.length} controllers (${connected} participants connected)`);
	console.log(`exercises           ${runs.length} × ${SCENARIO}`);
	console.log(`connect phase       ${connectS.toFixed(1)} s (join + reconnect with token + open, batches of ${BATCH})`);
	console.log(`duration            ${runS.toFixed(1)} s at ${SPEED}x ≈ ${exerciseMinutes.toFixed(1)} exercise minutes`);
	console.log(`injects released    ${releasedTotal} (${(releasedTotal / runs.length).toFixed(1)} per exercise)`);
	console.log(`inject deliveries   ${injectDeliveries} to participants (${(injectDeliveries / runS).toFixed(1)}/s)`);
	console.log(`all event deliveries ${allDeliveries} incl. controllers (${(allDeliveries / runS).toFixed(1)}/s)`);
	console.log(
		`decisions           ${decisionsMade} made / ${expectedDecisions} expected (${decisionsAttempted} attempted, ${loggedDecisions} logged, ${expired} expired, ${decisionsLate} overtaken by the final pause)`
	);
	console.log(
		`fan-out latency     p50 ${fmtMs(percentile(sorted, 50))}, p95 ${fmtMs(percentile(sorted, 95))}, p99 ${fmtMs(percentile(sorted, 99))}, max ${fmtMs(sorted.at(-1) ?? NaN)} (n=${sorted.length}; event wall → client receipt)`
	);
	const late = [...lateness].sort((a, b) => a - b);
	console.log(
		`release lateness    p50 ${fmtMs(Math.round(percentile(late, 50)))}, p99 ${fmtMs(Math.round(percentile(late, 99)))}, max ${fmtMs(Math.round(late.at(-1) ?? NaN))} (n=${late.length}; server timer vs. inject schedule, wall ms)`
	);
	console.log(
		`load generator      event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms; CPU ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s during run`
	);
	if (cpuBefore !== null && cpuAfter !== null)
		console.log(`server CPU          ${(cpuAfter - cpuBefore).toFixed(1)} s during run (${(((cpuAfter - cpuBefore) / runS) * 100).toFixed(1)}% of one core)`);
	console.log(
		`server RSS          min ${mb(Math.min(...kbs))}, max ${mb(Math.max(...kbs))}, last ${last ? mb(last.kb) : '?'}; after connect ${baseline ? mb(baseline.kb) : '?'}; ` +
			`last/after-connect ${baseline && last ? (last.kb / baseline.kb).toFixed(2) : '?'} (limit ${RSS_GROWTH_LIMIT}) ${rssOk ? 'OK' : 'FAIL'}`
	);
	console.log(`RSS samples (MB)    ${rssSamples.map((s) => `${(s.kb / 1024).toFixed(0)}${s.label ? `[${s.label}]` : ''}`).join(' ')}`);
	console.log(`errors              ${errors.length}`);
	if (errors.length > 20) console.log(`                    (first 20 printed above)`);
	console.log(`result              ${errors.length === 0 ? 'PASS' : 'FAIL'}`);
	console.log('=================================================================');
	return errors.length === 0 ? 0 : 1;
}

// ---------------------------------------------------------------- lifecycle

let stopping = false;
async function shutdown(): Promise<void> {
	stopping = true;
	for (const s of sims) {
		s.closing = true;
		s.socket.disconnect();
	}
	for (const s of anonSockets) s.disconnect();
	if (server) {
		const stopped = server.stop();
		const timeout = sleep(10_000).then(() => 'timeout' as const);
		if ((await Promise.race([stopped, timeout])) === 'timeout') {
			console.error('server did not stop on SIGTERM within 10 s; killing it');
			server.process.kill('SIGKILL');
		}
	}
	tmp?.cleanup();
}

const hardTimeout = setTimeout(() => {
	console.error(`\nFAIL: hard timeout of ${HARD_TIMEOUT_MS / 1000} s reached`);
	server?.process.kill('SIGKILL');
	tmp?.cleanup();
	process.exit(1);
}, HARD_TIMEOUT_MS);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		console.error(`\n${signal}: stopping`);
		server?.process.kill('SIGKILL');
		tmp?.cleanup();
		process.exit(1);
	});

let code = 1;
try {
	code = await main();
} catch (err) {
	console.error(`\nFAIL: ${(err as Error).stack ?? err}`);
	// `server` is set inside main(); TypeScript's narrowing cannot see that.
	const running = server as RunningServer | null;
	if (running) console.error(`--- server output (tail) ---\n${running.output().slice(-3000)}`);
	code = 1;
} finally {
	await shutdown();
	clearTimeout(hardTimeout);
}
process.exit(code);
