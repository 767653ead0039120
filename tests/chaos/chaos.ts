/**
 * Chaos under load: three server processes on PostgreSQL and Redis, 300 participants in 6 exercises at 10×, while
 * the owner of a random exercise is SIGKILLed every 20–40 s and restarted, Redis is restarted once, PostgreSQL is
 * unreachable for 10 s once and 20 clients lose their connection for 30 s. Then every exercise is paused and the
 * log PostgreSQL holds is checked (invariants.ts): every acknowledged event in it exactly once, no inject released
 * twice, a continuous clock, and every client's folded view equal to the fold of the log for its audience.
 *
 *   npm run test:chaos        (node --import tsx tests/chaos/chaos.ts)
 *
 * Loopback only, stops by itself (hard timeout), exit code 1 when an invariant is broken. Figures are printed and
 * written to bench/results/chaos.json. Knobs (env): RUN_S (200 s of faults and play), PARTICIPANTS (300),
 * EXERCISES (6), SPEED (10). PostgreSQL comes from TEST_DATABASE_URL or scripts/ci-services.sh.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Audience } from '../../src/lib/engine/exercise/audience';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { decidingTeams } from '../../src/lib/engine/scenario/kinds';
import { isErrorCode } from '../../src/lib/realtime/errors';
import { loadScenario } from '../fixtures/load-scenario';
import { CONTROLLER_KEY, freePort, startServer, tempDir, type RunningServer } from '../integration/harness';
import { tcpProxy, type TcpProxy } from '../integration/tcp-proxy';
import { ChaosClient, once, sleep, type Outcome } from './chaos-client';
import { checkLog, compareView, type Acked } from './invariants';

// ---------------------------------------------------------------- configuration

function intEnv(name: string, fallback: number, min: number, max: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < min || n > max) {
		console.error(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
		process.exit(1);
	}
	return n;
}

const RUN_S = intEnv('RUN_S', 200, 60, 1800);
const EXERCISES = intEnv('EXERCISES', 6, 1, 30);
const PARTICIPANTS = intEnv('PARTICIPANTS', 300, EXERCISES, 3000);
const SPEED = intEnv('SPEED', 10, 1, 60);
const PROCESSES = 3;
const LOSSY = Math.min(20, PARTICIPANTS);
const CUT_MS = 30_000;
const PG_OUTAGE_MS = 10_000;
const REDIS_DOWN_MS = 3_000;
const RESTART_AFTER_MS = 2_000;
const SCENARIO = 'maritime-trafficking-southern-caribbean';
const TEAMS = loadScenario(`scenarios/${SCENARIO}.yaml`).teams.map((t) => t.id);
const HARD_TIMEOUT_MS = RUN_S * 1000 + 360_000;
const RESULTS = 'bench/results/chaos.json';

const t0 = Date.now();
const log = (m: string) => console.log(`[chaos ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${m}`);
const problems: string[] = [];
const problem = (m: string) => {
	problems.push(m);
	if (problems.length <= 30) console.error(`  ! ${m}`);
};

function databaseUrl(): string {
	if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
	const out = spawnSync('bash', ['scripts/ci-services.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).stdout ?? '';
	const m = /TEST_DATABASE_URL=(\S+)/.exec(out);
	if (!m) throw new Error('no PostgreSQL: set TEST_DATABASE_URL or make scripts/ci-services.sh work');
	return m[1]!;
}

// ---------------------------------------------------------------- services and processes

interface Proc {
	index: number;
	port: number;
	run: RunningServer | null;
	/** Where in the current run's output the ownership scan has got to. */
	seen: number;
	/** Set just before the test kills it, so its exit is not counted as a crash. */
	killing: boolean;
	/** Output of earlier lives, kept for the error scan at the end. */
	pastOutput: string;
	restarting: Promise<void> | null;
}

let redis: ChildProcess | null = null;
let redisPort = 0;
let env: Record<string, string> = {};
let tmp: ReturnType<typeof tempDir> | null = null;
const procs: Proc[] = [];
const crashes: string[] = [];
let finishing = false;

function startRedis() {
	redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

async function startProc(p: Proc) {
	p.killing = false;
	p.seen = 0;
	const run = await startServer({ dbFile: path.join(tmp!.dir, `unused-${p.index}.db`), port: p.port, env });
	p.run = run;
	run.process.once('exit', (code, signal) => {
		p.pastOutput += run.output();
		for (const ex of exercises) ex.owners.delete(p.index);
		if (p.run === run) p.run = null;
		if (p.killing || finishing) return;
		crashes.push(`process ${p.index} exited by itself (code ${code}, signal ${signal}); its last words:\n${run.output().slice(-1500)}`);
		log(`process ${p.index} CRASHED (code ${code}, signal ${signal}); restarting it`);
		restart(p, 500);
	});
}

function restart(p: Proc, afterMs: number) {
	p.restarting = (async () => {
		await sleep(afterMs);
		for (let attempt = 0; attempt < 5 && !finishing; attempt++) {
			try {
				await startProc(p);
				log(`process ${p.index} up again on :${p.port}`);
				return;
			} catch (err) {
				log(`process ${p.index} did not start (${(err as Error).message.split('\n')[0]}); trying again`);
				await sleep(1000);
			}
		}
	})().finally(() => (p.restarting = null));
}

// ---------------------------------------------------------------- exercises and their people

interface Exercise {
	index: number;
	id: string;
	codes: Record<string, string>;
	controller: ChaosClient;
	members: ChaosClient[];
	deciders: ChaosClient[];
	acked: Acked[];
	/** Processes that said they run it (and have not said they stopped). */
	owners: Set<number>;
	ownerlessSince: number | null;
	longestOwnerlessMs: number;
	doubleSince: number | null;
	longestDoubleMs: number;
	pauseSeq: number;
}
const exercises: Exercise[] = [];

type Kind = 'decision' | 'message' | 'release' | 'pause';
interface Faults {
	kills: number;
	redisRestarts: number;
	postgresOutages: number;
	clientCuts: number;
	/** Wall intervals when a fault was in force (a kill counts until the exercise has an owner again). */
	windows: [number, number][];
}
const faults: Faults = { kills: 0, redisRestarts: 0, postgresOutages: 0, clientCuts: 0, windows: [] };
const inFault = (t: number) => faults.windows.some(([a, b]) => t >= a && t <= b);
const outcomes = {
	acked: { decision: 0, message: 0, release: 0, pause: 0 } as Record<Kind, number>,
	refusedDuringFaults: {} as Record<string, number>,
	refusedOtherwise: {} as Record<string, number>,
	/** Refusals without a code a person can be told (there must be none). */
	unclear: 0,
	noAnswer: { decision: 0, message: 0, release: 0, pause: 0 } as Record<Kind, number>,
	offline: 0
};
/** Messages whose send was refused (must not be in the log) or unanswered (at most once). */
const messagesRefused = new Map<string, number>();
const messagesUnknown = new Map<string, number>();

/** Refusals with when they were asked and answered, sorted into during/outside faults at the end. */
const refusals: { key: string; started: number; answered: number }[] = [];

function count<T>(kind: Kind, ex: Exercise, outcome: Outcome<T>, started: number): Outcome<T> {
	if (outcome.kind === 'refused') refusals.push({ key: `${kind}:${outcome.code}`, started, answered: Date.now() });
	else if (outcome.kind === 'no-answer') outcomes.noAnswer[kind]++;
	else if (outcome.kind === 'offline') outcomes.offline++;
	else outcomes.acked[kind]++;
	return outcome;
}

/** Refusals that say the command cannot be taken (it never will be): stop retrying it. */
const FINAL = new Set([
	'already-decided',
	'deadline-passed',
	'no-decision',
	'wrong-phase',
	'inject-released',
	'inject-skipped',
	'inject-held',
	'inject-waiting'
]);

async function setUp(dbUrl: string) {
	tmp = tempDir();
	const schema = `chaos_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: dbUrl });
	await admin.connect();
	await admin.query(`CREATE SCHEMA ${schema}`);
	await admin.end();
	const url = new URL(dbUrl);
	url.searchParams.set('options', `-c search_path=${schema}`);
	const pgProxy = await tcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
	redisPort = await freePort();
	startRedis();
	await sleep(300);
	env = {
		DATABASE_URL: pgProxy.via(url.toString()),
		REDIS_URL: `redis://127.0.0.1:${redisPort}`,
		RATE_LIMIT_REQUESTS_PER_10S: '100000',
		RATE_LIMIT_FAILED_JOINS_PER_MINUTE: '100000'
	};
	for (let i = 0; i < PROCESSES; i++) procs.push({ index: i, port: await freePort(), run: null, seen: 0, killing: false, pastOutput: '', restarting: null });
	// One after the other: the first runs the migrations and seeds the library.
	for (const p of procs) await startProc(p);
	return { schema, directUrl: url.toString(), pgProxy };
}

const urlOf = (p: Proc) => `http://127.0.0.1:${p.port}`;
/** The servers in the order a client tries them, its own first. */
const rotation = (urls: string[], first: number) => urls.map((_, i) => urls[(first + i) % urls.length]!);

async function retry<T>(what: string, work: () => Promise<T>, attempts = 40): Promise<T> {
	for (let i = 1; ; i++) {
		try {
			return await work();
		} catch (err) {
			if (i >= attempts) throw new Error(`${what}: ${(err as Error).message}`);
			await sleep(150);
		}
	}
}

async function createExercises(): Promise<void> {
	const direct = procs.map(urlOf);
	const { token } = await once(direct[0]!, 'session:controller', { key: CONTROLLER_KEY, name: 'Chaos control' });
	for (let i = 0; i < EXERCISES; i++) {
		const home = i % PROCESSES;
		const created = await makeExercise(direct[home]!, token, `Chaos exercise ${i + 1}`);
		const controller = new ChaosClient(`controller-${i + 1}`, { role: 'controller' }, token, rotation(direct, home), created.exerciseId, log);
		await controller.start();
		exercises.push({
			index: i,
			id: created.exerciseId,
			codes: created.codes.teams,
			controller,
			members: [],
			deciders: [],
			acked: [],
			owners: new Set([home]),
			ownerlessSince: null,
			longestOwnerlessMs: 0,
			doubleSince: null,
			longestDoubleMs: 0,
			pauseSeq: 0
		});
	}
}

/** Creates an exercise on the server at `url` as the signed-in controller. */
async function makeExercise(url: string, token: string, title: string) {
	const { io } = await import('socket.io-client');
	const socket = io(url, { auth: { token }, forceNew: true, transports: ['websocket'], reconnection: false });
	try {
		await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
		const reply = await socket.timeout(10_000).emitWithAck('exercise:create', { scenarioId: SCENARIO, title });
		if (!reply.ok) throw new Error(`exercise:create refused: ${reply.error}`);
		return reply.data as { exerciseId: string; codes: { teams: Record<string, string> } };
	} finally {
		socket.close();
	}
}

async function seatParticipants(clientProxies: TcpProxy[]): Promise<ChaosClient[]> {
	const direct = procs.map(urlOf);
	const viaProxy = clientProxies.map((p, i) => p.via(direct[i]!));
	const lossy: ChaosClient[] = [];
	const every = Math.max(1, Math.floor(PARTICIPANTS / LOSSY));
	const seat = async (p: number) => {
		const ex = exercises[p % EXERCISES]!;
		const n = Math.floor(p / EXERCISES);
		const team = TEAMS[n % TEAMS.length]!;
		// Spread over the processes within each exercise too, so most of its people are not on its owner.
		const home = (p + n) % PROCESSES;
		const name = `x${ex.index + 1}-${team}-${n}`;
		// Other processes learn of a new exercise from its owner's announcement, a moment after it was created.
		const joined = await retry(name, () => once(direct[home]!, 'session:join', { code: ex.codes[team]!, name }));
		const isLossy = p % every === 0 && lossy.length < LOSSY;
		const c = new ChaosClient(name, { role: 'participant', team }, joined.token, rotation(isLossy ? viaProxy : direct, home), undefined, log);
		if (isLossy) lossy.push(c);
		await c.start();
		ex.members.push(c);
		// The first member of each team answers its decisions.
		if (n < TEAMS.length) ex.deciders.push(c);
	};
	for (let b = 0; b < PARTICIPANTS; b += 30) {
		const batch = Array.from({ length: Math.min(30, PARTICIPANTS - b) }, (_, k) => seat(b + k));
		for (const r of await Promise.allSettled(batch)) if (r.status === 'rejected') problem(`seating: ${(r.reason as Error).message}`);
	}
	return lossy;
}

// ---------------------------------------------------------------- play

let playing = true;
const pendingDecisions = new Set<string>();
const doneDecisions = new Set<string>();

async function decide(ex: Exercise, c: ChaosClient) {
	const team = c.audience.role === 'participant' ? c.audience.team : '';
	for (const d of Object.values(c.state.decisions)) {
		const key = `${ex.index}/${d.injectId}/${d.team}`;
		if (d.team !== team || d.status !== 'open' || pendingDecisions.has(key) || doneDecisions.has(key)) continue;
		const inject = c.state.injects[d.injectId]?.inject;
		const optionId = inject?.decision?.options[0]?.id;
		if (!optionId || !decidingTeams(inject).includes(team)) continue;
		pendingDecisions.add(key);
		const started = Date.now();
		void c.call('decision:submit', { injectId: d.injectId, optionId }).then((o) => {
			pendingDecisions.delete(key);
			count('decision', ex, o, started);
			if (o.kind === 'ok') {
				doneDecisions.add(key);
				ex.acked.push({
					seq: o.data.seq,
					what: `decision ${d.injectId} of ${team}`,
					matches: (e) => e.type === 'decision.submitted' && e.injectId === d.injectId && e.team === team
				});
			} else if (o.kind === 'refused' && FINAL.has(o.code)) doneDecisions.add(key);
		});
	}
}

let messageNo = 0;
async function sendMessage(ex: Exercise) {
	const online = ex.members.filter((m) => m.online);
	const from = online[Math.floor(Math.random() * online.length)];
	if (!from || from.audience.role !== 'participant') return;
	const fromTeam = from.audience.team;
	const to = TEAMS.filter((t) => t !== fromTeam)[Math.floor(Math.random() * (TEAMS.length - 1))]!;
	const text = `chaos message ${++messageNo} ${randomBytes(3).toString('hex')}`;
	const started = Date.now();
	const o = count('message', ex, await from.call('message:send', { to: [to], channel: 'radio', text }), started);
	if (o.kind === 'ok') ex.acked.push({ seq: o.data.seq, what: `message "${text}"`, matches: (e) => e.type === 'message.sent' && e.text === text });
	else if (o.kind === 'refused') messagesRefused.set(text, ex.index);
	else if (o.kind === 'no-answer') messagesUnknown.set(text, ex.index);
}

async function releaseNext(ex: Exercise) {
	const pending = Object.values(ex.controller.state.injects)
		.filter((i) => i.status === 'pending' && i.dueAt !== null)
		.sort((a, b) => a.dueAt! - b.dueAt!);
	const next = pending[0];
	if (!next) return;
	const started = Date.now();
	const o = count('release', ex, await ex.controller.call('inject:release', { exerciseId: ex.id, injectId: next.id }), started);
	if (o.kind === 'ok')
		ex.acked.push({ seq: o.data.seq, what: `release of ${next.id}`, matches: (e) => e.type === 'inject.released' && e.injectId === next.id && e.manual });
}

function every(ms: number, work: () => Promise<void> | void) {
	const timer = setInterval(() => {
		if (playing) void Promise.resolve(work()).catch((err) => problem(`play: ${(err as Error).message}`));
	}, ms);
	return () => clearInterval(timer);
}

// ---------------------------------------------------------------- watching ownership

const OWNER_LINE = /\[crosscurrent\] (running|no longer running) (\S+?)(?::|$)/gm;

function watchOwners() {
	const now = Date.now();
	for (const p of procs) {
		const out = p.run?.output() ?? '';
		OWNER_LINE.lastIndex = p.seen;
		for (let m = OWNER_LINE.exec(out); m; m = OWNER_LINE.exec(out)) {
			const ex = exercises.find((x) => x.id === m![2]);
			if (ex && m[1] === 'running') ex.owners.add(p.index);
			else if (ex) ex.owners.delete(p.index);
		}
		p.seen = out.lastIndexOf('\n') + 1;
	}
	for (const ex of exercises) {
		if (ex.owners.size === 0) ex.ownerlessSince ??= now;
		else if (ex.ownerlessSince !== null) {
			ex.longestOwnerlessMs = Math.max(ex.longestOwnerlessMs, now - ex.ownerlessSince);
			ex.ownerlessSince = null;
		}
		if (ex.owners.size > 1) ex.doubleSince ??= now;
		else if (ex.doubleSince !== null) {
			ex.longestDoubleMs = Math.max(ex.longestDoubleMs, now - ex.doubleSince);
			ex.doubleSince = null;
		}
	}
}

// ---------------------------------------------------------------- faults

async function killAnOwner(): Promise<void> {
	const candidates = exercises.filter((ex) => ex.owners.size > 0);
	const ex = candidates[Math.floor(Math.random() * candidates.length)];
	if (!ex) return log('no exercise has a known owner right now: no kill this time');
	const p = procs[[...ex.owners][0]!]!;
	if (!p.run) return;
	faults.kills++;
	const at = Date.now();
	log(`SIGKILL process ${p.index} (owner of exercise ${ex.index + 1} and ${exercises.filter((x) => x.owners.has(p.index)).length - 1} more)`);
	p.killing = true;
	await p.run.stop('SIGKILL');
	restart(p, RESTART_AFTER_MS);
	// The fault lasts until every exercise has an owner again.
	void (async () => {
		while (exercises.some((x) => x.owners.size === 0) && Date.now() - at < 60_000) await sleep(100);
		faults.windows.push([at, Date.now() + 1000]);
	})();
}

async function restartRedis() {
	faults.redisRestarts++;
	const at = Date.now();
	log('Redis: SIGKILL (every lease is lost), back in 3 s');
	redis?.kill('SIGKILL');
	await sleep(REDIS_DOWN_MS);
	startRedis();
	log('Redis: started again, empty');
	await sleep(8_000);
	faults.windows.push([at, Date.now()]);
}

async function postgresOutage(proxy: TcpProxy) {
	faults.postgresOutages++;
	const at = Date.now();
	log(`PostgreSQL: unreachable for ${PG_OUTAGE_MS / 1000} s`);
	proxy.cut();
	await sleep(PG_OUTAGE_MS);
	proxy.restore();
	log('PostgreSQL: reachable again');
	await sleep(3_000);
	faults.windows.push([at, Date.now()]);
}

async function cutClients(proxies: TcpProxy[], lossy: ChaosClient[]) {
	faults.clientCuts++;
	const at = Date.now();
	log(`${lossy.length} clients lose their connection for ${CUT_MS / 1000} s`);
	for (const p of proxies) p.cut();
	await sleep(CUT_MS);
	for (const p of proxies) p.restore();
	log('their connection is back');
	faults.windows.push([at, Date.now() + 3000]);
}

// ---------------------------------------------------------------- the log as PostgreSQL has it

async function readLogs(directUrl: string): Promise<Map<string, DomainEvent[]>> {
	const db = new pg.Client({ connectionString: directUrl });
	await db.connect();
	try {
		const out = new Map<string, DomainEvent[]>();
		for (const ex of exercises) {
			const { rows } = await db.query('SELECT * FROM events WHERE exercise_id = $1 ORDER BY seq', [ex.id]);
			out.set(
				ex.id,
				rows.map(
					(r) => ({ ...r.body, type: r.type, exerciseId: r.exercise_id, seq: r.seq, at: Number(r.at), wall: Number(r.wall), actor: r.actor }) as DomainEvent
				)
			);
		}
		return out;
	} finally {
		await db.end();
	}
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
	console.log(
		`Crosscurrent chaos test: ${PROCESSES} processes, PostgreSQL + Redis, ${EXERCISES} exercises, ${PARTICIPANTS} participants at ${SPEED}x for ${RUN_S} s`
	);
	const dbUrl = databaseUrl();
	if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not installed');
	const { schema, directUrl, pgProxy } = await setUp(dbUrl);
	cleanups.push(async () => {
		const admin = new pg.Client({ connectionString: dbUrl });
		await admin.connect();
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await admin.end();
	});
	cleanups.push(() => pgProxy.close());
	log(`${PROCESSES} processes up on ${procs.map((p) => `:${p.port}`).join(' ')}; PostgreSQL behind a proxy on :${pgProxy.port}; Redis on :${redisPort}`);
	const clientProxies = await Promise.all(procs.map((p) => tcpProxy({ host: '127.0.0.1', port: p.port })));
	cleanups.push(() => Promise.all(clientProxies.map((p) => p.close())));

	await createExercises();
	const lossy = await seatParticipants(clientProxies);
	const seated = exercises.reduce((n, ex) => n + ex.members.length, 0);
	log(`${exercises.length} exercises, ${seated} participants seated (${lossy.length} of them behind a cuttable link)`);

	for (const ex of exercises) {
		for (const [event, payload] of [
			['clock:speed', { exerciseId: ex.id, speed: SPEED }],
			['exercise:control', { exerciseId: ex.id, action: 'start' }]
		] as const) {
			const o = await ex.controller.call(event, payload as never);
			if (o.kind !== 'ok') throw new Error(`${event} on exercise ${ex.index + 1}: ${JSON.stringify(o)}`);
		}
	}
	const runStart = Date.now();
	log(`all exercises running at ${SPEED}x`);

	const owners = setInterval(watchOwners, 100);
	const stops = [
		...exercises.map((ex) => every(1_500, () => Promise.all(ex.deciders.map((c) => decide(ex, c))).then(() => undefined))),
		...exercises.map((ex) => every(3_000, () => sendMessage(ex))),
		...exercises.map((ex) => every(15_000, () => releaseNext(ex)))
	];
	const progress = setInterval(() => {
		const owned = exercises.map((ex) => `${ex.index + 1}:${[...ex.owners].join('+') || '-'}`).join(' ');
		log(
			`owners ${owned}; acked ${JSON.stringify(outcomes.acked)}; offline clients ${exercises.reduce((n, ex) => n + ex.members.filter((m) => !m.online).length, 0)}`
		);
	}, 15_000);

	// The fault plan: kills every 20–40 s throughout; the other faults once each, apart from one another.
	const at = (s: number) => sleep(Math.max(0, runStart + s * 1000 - Date.now()));
	const plan = [
		(async () => {
			for (let t = 20 + Math.random() * 20; t < RUN_S - 25; t += 20 + Math.random() * 20) {
				await at(t);
				await killAnOwner();
			}
		})(),
		at(RUN_S * 0.18).then(() => cutClients(clientProxies, lossy)),
		at(RUN_S * 0.4).then(() => restartRedis()),
		at(RUN_S * 0.65).then(() => postgresOutage(pgProxy))
	];
	await Promise.all(plan);
	await at(RUN_S);
	playing = false;
	for (const stop of stops) stop();
	clearInterval(progress);
	log('faults over; waiting for every process, owner and client to settle');

	// Settle: every process up, every exercise with one owner, every client back.
	await Promise.all(procs.map((p) => p.restarting));
	const settleStart = Date.now();
	const settled = () => exercises.every((ex) => ex.owners.size === 1 && ex.controller.online && ex.members.every((m) => m.online));
	while (!settled() && Date.now() - settleStart < 40_000) await sleep(200);
	if (!settled()) log(`not settled after 40 s: ${exercises.map((ex) => `${ex.index + 1}: owners ${[...ex.owners].join('+') || '-'}`).join(', ')}`);
	await sleep(1000);

	// Pause every exercise: the pause is seen by everyone and is the delivery barrier.
	for (const ex of exercises) {
		for (let i = 0; i < 20 && ex.pauseSeq === 0; i++) {
			const o = count('pause', ex, await ex.controller.call('exercise:control', { exerciseId: ex.id, action: 'pause' }), Date.now());
			if (o.kind === 'ok') {
				ex.pauseSeq = o.data.seq;
				ex.acked.push({ seq: o.data.seq, what: 'pause', matches: (e) => e.type === 'exercise.paused' });
			} else await sleep(1000);
		}
		if (ex.pauseSeq === 0) problem(`exercise ${ex.index + 1}: could not pause it at the end`);
	}
	const barrier = Date.now();
	const drained = () => exercises.every((ex) => [ex.controller, ...ex.members].every((c) => c.state.lastSeq >= ex.pauseSeq));
	while (!drained() && Date.now() - barrier < 20_000) await sleep(100);
	await sleep(1000);
	clearInterval(owners);
	watchOwners();
	const wallS = (Date.now() - t0) / 1000;
	const runS = (Date.now() - runStart) / 1000;

	for (const r of refusals) {
		const bucket = inFault(r.started) || inFault(r.answered) ? outcomes.refusedDuringFaults : outcomes.refusedOtherwise;
		bucket[r.key] = (bucket[r.key] ?? 0) + 1;
		if (!isErrorCode(r.key.split(':')[1]) || r.key.endsWith(':internal')) outcomes.unclear++;
	}
	if (outcomes.unclear > 0) problem(`${outcomes.unclear} refusals came without a clear error code`);
	const logDir = path.join(tmpdir(), `crosscurrent-chaos-${process.pid}`);
	mkdirSync(logDir, { recursive: true });
	for (const p of procs) writeFileSync(path.join(logDir, `process-${p.index}.log`), p.pastOutput + (p.run?.output() ?? ''));
	log(`server output kept in ${logDir}`);

	// ------------------------------------------------------------ checks against the log PostgreSQL has
	const logs = await readLogs(directUrl);
	let events = 0;
	let maxAhead = 0;
	let downtimeMs = 0;
	let recoveries = 0;
	let maxLateness = 0;
	let clientsChecked = 0;
	let clientsEqual = 0;
	for (const ex of exercises) {
		const full = logs.get(ex.id)!;
		events += full.length;
		const { problems: logProblems, clock } = checkLog(`exercise ${ex.index + 1}`, full, ex.acked);
		logProblems.forEach(problem);
		maxAhead = Math.max(maxAhead, clock.maxAhead);
		downtimeMs += clock.downtimeMs;
		recoveries += clock.recoveries;
		maxLateness = Math.max(maxLateness, clock.maxReleaseLateness);
		for (const [text, index] of messagesRefused)
			if (index === ex.index && full.some((e) => e.type === 'message.sent' && e.text === text))
				problem(`exercise ${ex.index + 1}: refused message "${text}" is in the log`);
		for (const [text, index] of messagesUnknown)
			if (index === ex.index && full.filter((e) => e.type === 'message.sent' && e.text === text).length > 1)
				problem(`exercise ${ex.index + 1}: message "${text}" stored twice`);
		for (const c of [ex.controller, ...ex.members]) {
			clientsChecked++;
			const diff = compareView(c.name, c.received, full, c.audience as Audience);
			if (diff) problem(diff);
			else clientsEqual++;
		}
	}
	const ackedTotal = exercises.reduce((n, ex) => n + ex.acked.length, 0);
	const lost = exercises.reduce((n, ex) => {
		const seqs = new Set(logs.get(ex.id)!.map((e) => e.seq));
		return n + ex.acked.filter((a) => !seqs.has(a.seq)).length;
	}, 0);
	for (const c of crashes) problem(c);
	const allOutput = procs.map((p) => p.pastOutput + (p.run?.output() ?? '')).join('\n');
	const badLines = allOutput.split('\n').filter((l) => /unhandled rejection|uncaught|error in /i.test(l));
	for (const l of badLines.slice(0, 5)) problem(`server log: ${l}`);
	const longestOwnerlessMs = Math.max(...exercises.map((ex) => ex.longestOwnerlessMs));
	const longestDoubleMs = Math.max(...exercises.map((ex) => ex.longestDoubleMs));
	const allClients = exercises.flatMap((ex) => [ex.controller, ...ex.members]);

	const figures = {
		date: new Date().toISOString(),
		command: 'npm run test:chaos',
		setup: { processes: PROCESSES, exercises: EXERCISES, participants: seated, speed: SPEED, runS: Math.round(runS), wallS: Math.round(wallS) },
		faults: {
			ownerKills: faults.kills,
			redisRestarts: faults.redisRestarts,
			postgresOutages: faults.postgresOutages,
			clientCuts: faults.clientCuts,
			clientsCut: lossy.length,
			processCrashes: crashes.length
		},
		longestOwnerlessMs,
		longestDoubleOwnerMs: longestDoubleMs,
		commands: {
			acked: outcomes.acked,
			refusedDuringFaults: outcomes.refusedDuringFaults,
			refusedOutsideFaults: outcomes.refusedOtherwise,
			noAnswer: outcomes.noAnswer,
			notSentOffline: outcomes.offline,
			refusedWithoutClearCode: outcomes.unclear
		},
		log: {
			events,
			ackedChecked: ackedTotal,
			eventsLost: lost,
			recoveries,
			frozenDowntimeMs: downtimeMs,
			clockMaxAheadMs: Math.round(maxAhead),
			maxReleaseLatenessMs: Math.round(maxLateness)
		},
		clients: {
			checked: clientsChecked,
			equalToLog: clientsEqual,
			reconnects: allClients.reduce((n, c) => n + c.reconnects, 0),
			disconnectsByReason: allClients.reduce<Record<string, number>>((all, c) => {
				for (const [reason, n] of Object.entries(c.disconnects)) all[reason] = (all[reason] ?? 0) + n;
				return all;
			}, {}),
			droppedAsSeen: allClients.reduce((n, c) => n + c.dropped, 0),
			longestOfflineMs: Math.max(...allClients.map((c) => c.offlineMs))
		},
		problems: problems.length,
		result: problems.length === 0 ? 'PASS' : 'FAIL'
	};
	mkdirSync(path.dirname(RESULTS), { recursive: true });
	writeFileSync(RESULTS, JSON.stringify(figures, null, '\t') + '\n');

	console.log('\n================ Crosscurrent chaos test ================');
	console.log(
		`run                 ${seated} participants + ${EXERCISES} controllers, ${EXERCISES} exercises at ${SPEED}x, ${runS.toFixed(0)} s of play, ${wallS.toFixed(0)} s wall in all`
	);
	console.log(
		`faults injected     ${faults.kills} owner kills (SIGKILL + restart), ${faults.redisRestarts} Redis restart, ${faults.postgresOutages} PostgreSQL outage of ${PG_OUTAGE_MS / 1000} s, ${lossy.length} clients cut for ${CUT_MS / 1000} s; ${crashes.length} process crashes`
	);
	console.log(
		`longest ownerless   ${(longestOwnerlessMs / 1000).toFixed(1)} s (longest with two processes claiming one exercise: ${(longestDoubleMs / 1000).toFixed(1)} s)`
	);
	console.log(`acknowledged        ${JSON.stringify(outcomes.acked)}`);
	console.log(`refused in faults   ${JSON.stringify(outcomes.refusedDuringFaults)}`);
	console.log(`refused otherwise   ${JSON.stringify(outcomes.refusedOtherwise)}`);
	console.log(`no answer (8 s)     ${JSON.stringify(outcomes.noAnswer)}; not sent while offline ${outcomes.offline}`);
	console.log(`log                 ${events} events; ${ackedTotal} acknowledged commands checked; events lost ${lost}`);
	console.log(
		`clock               ${recoveries} recoveries froze ${(downtimeMs / 1000).toFixed(1)} s of downtime; most ahead of wall × speed: ${Math.round(maxAhead)} ms; latest release by the clock ${(maxLateness / 1000).toFixed(1)} s (exercise time) after its due time`
	);
	console.log(
		`clients             ${clientsEqual}/${clientsChecked} views equal to the fold of the log; ${figures.clients.reconnects} reconnects after ${JSON.stringify(figures.clients.disconnectsByReason)}`
	);
	console.log(`problems            ${problems.length}${problems.length > 30 ? ' (first 30 printed above)' : ''}`);
	console.log(`result              ${figures.result}   (figures in ${RESULTS})`);
	console.log('=========================================================');
	return problems.length === 0 ? 0 : 1;
}

// ---------------------------------------------------------------- lifecycle

const cleanups: (() => Promise<unknown> | unknown)[] = [];
async function shutdown() {
	finishing = true;
	for (const ex of exercises) for (const c of [ex.controller, ...ex.members]) c.close();
	await Promise.all(procs.map((p) => p.run?.stop('SIGKILL')));
	redis?.kill('SIGKILL');
	for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((err) => console.error(`cleanup: ${(err as Error).message}`));
	tmp?.cleanup();
}

const hardTimeout = setTimeout(() => {
	console.error(`\nFAIL: hard timeout of ${HARD_TIMEOUT_MS / 1000} s reached`);
	for (const p of procs) p.run?.process.kill('SIGKILL');
	redis?.kill('SIGKILL');
	process.exit(1);
}, HARD_TIMEOUT_MS);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		console.error(`\n${signal}: stopping`);
		for (const p of procs) p.run?.process.kill('SIGKILL');
		redis?.kill('SIGKILL');
		process.exit(1);
	});

let code = 1;
try {
	code = await main();
} catch (err) {
	console.error(`\nFAIL: ${(err as Error).stack ?? err}`);
	for (const p of procs) if (p.run) console.error(`--- process ${p.index} (tail) ---\n${p.run.output().slice(-2000)}`);
} finally {
	await shutdown();
	clearTimeout(hardTimeout);
}
process.exit(code);
