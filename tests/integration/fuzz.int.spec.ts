/**
 * Socket fuzz against the real server: at least 10,000 random and malformed
 * payloads, spread over every client event (and some unknown ones), from a
 * controller, a team member and an unauthenticated socket. Every request must
 * be refused with a message naming the problem, the server must stay up, and
 * the exercise log must not change.
 *
 * The fuzz never sends a command that could succeed: each payload is checked
 * against the contract and the known world first (`refusal`), and anything
 * that might be accepted is sent from the unauthenticated socket instead.
 *
 * Reproduce a failure with the printed seed: FUZZ_SEED=<seed> npx vitest run --project integration tests/integration/fuzz.int.spec.ts
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeJoinCode } from '../../server/auth';
import type { Scenario } from '../../src/lib/engine/scenario/schema';
import { CAPABILITY_ELEMENTS, MESSAGE_CHANNELS, RATINGS, type DomainEvent } from '../../src/lib/engine/exercise/events';
import { payloadSchemas, type Ack, type ClientEventName } from '../../src/lib/realtime/contract';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';
import { Rng } from '../fixtures/seeded-random';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
const PAYLOADS = 10_000;
const BATCH = 200;
const ACK_TIMEOUT_MS = 10_000;
/** Stop early once this many replies are wrong: enough to diagnose, without waiting out every timeout. */
const MAX_FAILURES = 25;
/** Stay clearly below the server's 256 kB transport limit (an oversized packet drops the connection). */
const MAX_WIRE_BYTES = 240_000;

const EVENTS = Object.keys(payloadSchemas) as ClientEventName[];
/** Names the server does not handle (Object.prototype member names are covered by the regression tests below). */
const UNKNOWN_EVENTS = [
	'no:such:event',
	'exercise:delete',
	'admin:shutdown',
	'session:logout',
	'EXERCISE:OPEN',
	'exercise:open ',
	' session:join',
	'scenario:list\u0000',
	'décision:submit',
	'🎲',
	'',
	':',
	'*',
	'x'.repeat(300)
];
const OBJECT_PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const PROTOTYPE_KEYS_BEFORE = OBJECT_PROTOTYPE_NAMES.join(',');

// ---------------------------------------------------------------- seeded randomness

// ---------------------------------------------------------------- the world the fuzz aims at

interface World {
	exerciseId: string;
	scenarioIds: string[];
	injectIds: string[];
	optionIds: string[];
	teamIds: string[];
	objectiveIds: string[];
	/** Normalized join codes of the exercise (never sent by the fuzz). */
	codes: string[];
	/** The inject the team has already decided on. */
	decidedInject: string;
}

type Sender = 'controller' | 'participant' | 'anon';

/** A payload given as JSON text, sent as a raw socket.io packet (for nesting too deep for JSON.stringify). */
class RawJson {
	constructor(readonly text: string) {}
}
type Refusal = 'unknown-event' | 'schema' | 'handler';

// ---------------------------------------------------------------- values

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-';
const NASTY_STRINGS = [
	'',
	' ',
	'   ',
	'\u0000',
	'\t\n\r',
	'null',
	'undefined',
	'NaN',
	'Infinity',
	'-1',
	'1e999',
	'0x1F',
	'true',
	'{}',
	'[]',
	'__proto__',
	'constructor',
	'prototype',
	"'; DROP TABLE events; --",
	'../../../etc/passwd',
	'<script>alert(1)</script>',
	'${process.exit(1)}',
	'%s%s%s%n',
	'\u202Eevil',
	'\uFEFFbom',
	'\ud800',
	'😀'.repeat(20),
	'Ā'.repeat(100),
	'A'.repeat(65),
	'exercise:open'
];

const idLike = (rng: Rng, len = 1 + rng.int(64)) => Array.from({ length: len }, () => rng.pick([...ID_CHARS])).join('');
const unicodeChar = (rng: Rng) => String.fromCodePoint(rng.pick([rng.int(0x80), 0x80 + rng.int(0x780), 0x4e00 + rng.int(0x5000), 0x1f300 + rng.int(0x300)]));
const unicodeString = (rng: Rng, max = 80) => Array.from({ length: rng.int(max) }, () => unicodeChar(rng)).join('');
const nastyString = (rng: Rng) => (rng.chance(0.7) ? rng.pick(NASTY_STRINGS) : unicodeString(rng));
/** ASCII, so the byte size is the length. */
const hugeString = (rng: Rng) => 'x'.repeat(Math.floor(Math.exp(rng.float() * Math.log(200_000))));
const nameLike = (rng: Rng) => rng.pick(['Fuzzy', 'Lt Baptiste', unicodeString(rng, 30) || 'n', nastyString(rng)]);
const codeLike = (rng: Rng) => rng.pick(['AAAA-BBBB-CCCC', 'aaaa bbbb cccc', idLike(rng, 12).toUpperCase(), nastyString(rng)]);

/** A number literal too large for a double: it becomes Infinity, as it would in a JSON payload. */
const OVERFLOWING = Number('1e309');
const WEIRD_NUMBERS = [
	NaN,
	Infinity,
	-Infinity,
	-0,
	OVERFLOWING,
	Number.MAX_SAFE_INTEGER + 2,
	Number.MIN_VALUE,
	-1,
	0.5,
	1.5,
	2 ** 53,
	0x7fffffff,
	-2147483649
];
const WEIRD_NUMBER_STRINGS = ['1e999', 'NaN', 'Infinity', '-0', '2', '0x10', '1_000'];

function deepNesting(rng: Rng, depth = 1 + rng.int(5000)): unknown {
	const asArray = rng.chance(0.3);
	let value: unknown = rng.pick([null, 1, 'leaf', true]);
	for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
	return value;
}

function wrongValue(rng: Rng): unknown {
	switch (rng.int(9)) {
		case 0:
			return rng.pick(WEIRD_NUMBERS);
		case 1:
			return rng.pick([true, false]);
		case 2:
			return null;
		case 3:
			return rng.pick([[], [1, 2, 3], ['a'], [{}], [[[]]]]);
		case 4:
			return rng.pick<object>([{}, { a: 1 }, { length: 3 }, { toString: 'x' }]);
		case 5:
			return nastyString(rng);
		case 6:
			return rng.int(1000) - 500;
		case 7:
			return deepNesting(rng, 1 + rng.int(50));
		default:
			return rng.pick(WEIRD_NUMBER_STRINGS);
	}
}

/** A value for `key` that the contract refuses (or, rarely, one it accepts: the oracle reroutes those). */
function badFieldValue(rng: Rng, key: string): unknown {
	if (rng.chance(0.3)) return wrongValue(rng);
	switch (key) {
		case 'exerciseId':
			return rng.pick(['ABC', 'x'.repeat(65), '', 'has space', 'ex_1', '../x', 'é', 'a\nb']);
		case 'injectId':
		case 'optionId':
		case 'scenarioId':
			return rng.pick(['', 'x'.repeat(65), 'y'.repeat(1000)]);
		case 'name':
			return rng.pick(['', '   ', '\t\n', 'n'.repeat(61)]);
		case 'code':
			return rng.pick(['', 'c'.repeat(41)]);
		case 'key':
			return rng.pick(['', 'k'.repeat(201)]);
		case 'action':
			return rng.pick(['START', 'stop', 'restart', '', 'start ', 'delete']);
		case 'speed':
			return rng.pick([0, 0.99, 60.01, 61, -5, '10', NaN, Infinity, OVERFLOWING]);
		case 'afterSeq':
			return rng.pick([-1, 1.5, '3', NaN, -Infinity, OVERFLOWING]);
		case 'title':
			return rng.pick(['', '  ', 't'.repeat(161)]);
		default:
			return wrongValue(rng);
	}
}

// ---------------------------------------------------------------- payload generators

/** A payload of the right shape for `event`, aimed at the real exercise about half the time. */
function validLike(rng: Rng, event: string, w: World): Record<string, unknown> {
	const exerciseId = rng.chance(0.6) ? w.exerciseId : idLike(rng);
	const injectId = rng.chance(0.5) ? rng.pick(w.injectIds) : rng.chance(0.5) ? idLike(rng) : unicodeString(rng, 64) || 'i';
	const team = rng.chance(0.7) ? rng.pick(w.teamIds) : idLike(rng);
	const objective = rng.chance(0.7) ? rng.pick(w.objectiveIds) : idLike(rng);
	const text = rng.chance(0.5) ? 'Radar contact lost at 0212.' : nastyString(rng) || 'x';
	const maybe = <T>(v: T) => (rng.chance(0.5) ? v : undefined);
	switch (event) {
		case 'session:join':
			return { code: codeLike(rng), name: nameLike(rng) };
		case 'session:controller':
			return { key: rng.pick(['guess', 'test-controller-ke', 'TEST-CONTROLLER-KEY', nastyString(rng) || 'k']), name: nameLike(rng) };
		case 'scenario:list':
		case 'exercise:list':
			return {};
		case 'exercise:create':
			return rng.chance(0.5) ? { scenarioId: rng.pick([...w.scenarioIds, idLike(rng)]) } : { scenarioId: idLike(rng), title: nameLike(rng) };
		case 'exercise:open':
			return rng.pick([{}, { exerciseId }, { exerciseId, afterSeq: rng.int(10) }, { afterSeq: rng.int(10) }]);
		case 'exercise:control':
			return { exerciseId, action: rng.pick(['start', 'pause', 'resume', 'end', 'close']) };
		case 'clock:speed':
			return { exerciseId, speed: 1 + rng.int(60) };
		case 'inject:release':
		case 'inject:hold':
		case 'inject:unhold':
			return { exerciseId, injectId };
		case 'decision:submit':
			return { injectId: rng.chance(0.5) ? w.decidedInject : injectId, optionId: rng.chance(0.5) ? rng.pick(w.optionIds) : idLike(rng) };
		case 'message:send':
			return { to: [team], channel: rng.pick(MESSAGE_CHANNELS), text, refInjectId: maybe(injectId) };
		case 'evaluation:observe':
			return { exerciseId: maybe(exerciseId), team: rng.chance(0.8) ? team : null, objective: rng.chance(0.8) ? objective : null, text };
		case 'evaluation:rate':
			return { exerciseId: maybe(exerciseId), team, objective, rating: rng.pick(RATINGS), explanation: text };
		case 'evaluation:improvement':
			return {
				exerciseId: maybe(exerciseId),
				itemId: maybe(idLike(rng, 8)),
				objective: rng.chance(0.8) ? objective : null,
				issue: text,
				correctiveAction: 'Train the watch',
				capabilityElement: rng.pick(CAPABILITY_ELEMENTS),
				responsibleAgency: 'TTCG',
				pointOfContact: 'Ops officer',
				startDate: '',
				dueDate: '2027-03-01'
			};
		case 'score:adjust':
			return { exerciseId, team, objective, points: rng.pick([-5, 3, 20]), reason: 'Shared the track late' };
		case 'review:share':
			return { exerciseId, participantsMaySee: rng.chance(0.5) };
		case 'review:history':
			return { scenarioId: rng.chance(0.5) ? rng.pick(w.scenarioIds) : idLike(rng) };
		default: {
			// An event added to the contract after this test was written: fill its fields by name.
			const schema = (payloadSchemas as Record<string, { shape?: Record<string, unknown> }>)[event];
			const fields: Record<string, unknown> = { exerciseId, injectId, team, objective, text };
			return Object.fromEntries(Object.keys(schema?.shape ?? { exerciseId, injectId }).map((k) => [k, fields[k] ?? idLike(rng)]));
		}
	}
}

function wrongTypePayload(rng: Rng): unknown {
	return rng.pick([0, 1, -1, 3.5, NaN, Infinity, true, false, null, undefined, '', 'payload', '{"code":"x"}', [], [1, 2, 3], [{}], Buffer.from('abc')]);
}

function hugeStringPayload(rng: Rng, event: string, w: World): unknown {
	const base = validLike(rng, event, w);
	const huge = hugeString(rng);
	const keys = Object.keys(base);
	switch (rng.int(4)) {
		case 0:
			return huge;
		case 1:
			return { ...base, [huge.slice(0, 5000)]: 1 };
		default:
			return keys.length ? { ...base, [rng.pick(keys)]: huge } : { junk: huge };
	}
}

/**
 * Deep nesting. JSON.stringify (and so socket.io's encoder) overflows the stack near 5,000
 * levels, so deeper payloads are written as JSON text and sent as raw packets (see `sendRaw`).
 */
function deepNestingPayload(rng: Rng, event: string, w: World): unknown {
	if (rng.chance(0.3)) return deepNesting(rng, 1 + rng.int(2000));
	const depth = 1 + rng.int(30_000);
	const asArray = rng.chance(0.3);
	const deep = asArray ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
	if (rng.chance(0.4)) return new RawJson(deep);
	const base = validLike(rng, event, w);
	const keys = Object.keys(base);
	const key = keys.length && rng.chance(0.7) ? rng.pick(keys) : 'a';
	const rest = JSON.stringify({ ...base, [key]: undefined }).slice(1, -1);
	return new RawJson(`{${JSON.stringify(key)}:${deep}${rest ? `,${rest}` : ''}}`);
}

/** `__proto__`, `constructor` and `prototype` as own keys, the way JSON.parse creates them. */
function prototypePollutionPayload(rng: Rng, event: string, w: World): unknown {
	const poison = rng.pick([
		'"__proto__": {"polluted": true, "role": "controller", "exerciseId": "x"}',
		'"constructor": {"prototype": {"polluted": true}}',
		'"prototype": {"polluted": true}',
		'"__proto__": null',
		'"__proto__": []',
		'"__proto__": {"__proto__": {"polluted": true}}'
	]);
	const base = JSON.stringify(validLike(rng, event, w)).slice(1, -1);
	if (rng.chance(0.7) || !base) return JSON.parse(`{${poison}${base ? `, ${base}` : ''}}`);
	// Poison nested inside a field value instead.
	const keys = Object.keys(validLike(rng, event, w));
	const key = keys.length ? rng.pick(keys) : 'a';
	return JSON.parse(`{${base}, ${JSON.stringify(key)}: {${poison}}}`);
}

const EXTRA_KEYS = ['admin', 'role', 'isController', 'token', '', ' ', 'exerciseId ', 'EXERCISEID', '$where', 'ünïcödé', 'k'.repeat(200), 'session', 'team'];
function unknownFieldPayload(rng: Rng, event: string, w: World): unknown {
	const out: Record<string, unknown> = { ...validLike(rng, event, w) };
	for (let n = 1 + rng.int(3); n > 0; n--) out[rng.pick(EXTRA_KEYS)] = wrongValue(rng);
	return out;
}

function unknownExercisePayload(rng: Rng, event: string, w: World): unknown {
	let id = idLike(rng);
	while (id === w.exerciseId) id = idLike(rng);
	return { ...validLike(rng, event, w), exerciseId: rng.chance(0.2) ? `${SCENARIO}-${idLike(rng, 8)}` : id };
}

/** Injects, options and scenarios that do not exist, on the real exercise. */
function unknownItemPayload(rng: Rng, event: string, w: World): unknown {
	const ghost = () =>
		rng.pick([
			idLike(rng),
			'rifc-tipoff-2',
			'RIFC-TIPOFF',
			'rifc tipoff',
			unicodeString(rng, 64) || 'g',
			rng.pick(NASTY_STRINGS) || 'g',
			rng.pick(OBJECT_PROTOTYPE_NAMES)
		]);
	const base = validLike(rng, event, w);
	if ('exerciseId' in base) base.exerciseId = w.exerciseId;
	if ('injectId' in base) base.injectId = ghost();
	if ('optionId' in base) base.optionId = ghost();
	if ('scenarioId' in base) base.scenarioId = ghost();
	return base;
}

function weirdNumberPayload(rng: Rng, event: string, w: World): unknown {
	const base = validLike(rng, event, w);
	const key = 'speed' in base ? 'speed' : 'afterSeq' in base ? 'afterSeq' : Object.keys(base).length ? rng.pick(Object.keys(base)) : 'afterSeq';
	return { ...base, [key]: rng.chance(0.8) ? rng.pick(WEIRD_NUMBERS) : rng.pick(WEIRD_NUMBER_STRINGS) };
}

function oneFieldWrongPayload(rng: Rng, event: string, w: World): unknown {
	const base = validLike(rng, event, w);
	const keys = Object.keys(base);
	const key = keys.length ? rng.pick(keys) : rng.pick(['exerciseId', 'x']);
	return { ...base, [key]: badFieldValue(rng, key) };
}

function randomJson(rng: Rng, depth = 0): unknown {
	const leaf = () => rng.pick([wrongValue(rng), nastyString(rng), rng.int(100)]);
	if (depth > 3 || rng.chance(0.3)) return leaf();
	if (rng.chance(0.3)) return Array.from({ length: rng.int(5) }, () => randomJson(rng, depth + 1));
	const keys = ['code', 'name', 'key', 'exerciseId', 'injectId', 'optionId', 'scenarioId', 'action', 'speed', 'afterSeq', 'title', ...EXTRA_KEYS];
	return Object.fromEntries(Array.from({ length: rng.int(5) }, () => [rng.chance(0.8) ? rng.pick(keys) : unicodeString(rng, 10), randomJson(rng, depth + 1)]));
}

const randomJsonPayload = (rng: Rng) => randomJson(rng);

/** A plausible request, as is: the oracle decides which socket may send it (often only the unauthenticated one). */
const plausiblePayload = validLike;

const GENERATORS: Record<string, (rng: Rng, event: string, w: World) => unknown> = {
	plausiblePayload,
	wrongTypePayload,
	hugeStringPayload,
	deepNestingPayload,
	prototypePollutionPayload,
	unknownFieldPayload,
	unknownExercisePayload,
	unknownItemPayload,
	weirdNumberPayload,
	oneFieldWrongPayload,
	randomJsonPayload
};

// ---------------------------------------------------------------- the oracle

const isOwnEvent = (name: string): name is ClientEventName => Object.hasOwn(payloadSchemas, name);
const hasBinary = (v: unknown) => Buffer.isBuffer(v);
/** What the server receives: socket.io serializes with JSON (NaN → null, undefined dropped), buffers travel as binary. */
function onTheWire(payload: unknown): unknown {
	if (payload === undefined) return null;
	if (payload instanceof RawJson) return JSON.parse(payload.text);
	return hasBinary(payload) ? payload : JSON.parse(JSON.stringify(payload));
}

/** Controller commands on a named exercise: refused for other roles and unknown exercises, else they may succeed. */
const CONTROLLER_COMMANDS = ['exercise:control', 'clock:speed', 'score:adjust', 'review:share'];
/** Evaluation commands: controllers must name a known exercise, participants are refused. */
const EVALUATION_COMMANDS = ['evaluation:observe', 'evaluation:rate', 'evaluation:improvement'];

/**
 * Why the server must refuse `payload` from `sender`, or null if it might accept it
 * (then the fuzz must not send it from that socket). Events this oracle does not
 * model are assumed to succeed for signed-in sockets.
 */
function refusal(sender: Sender, event: string, payload: unknown, w: World): Refusal | null {
	if (!isOwnEvent(event)) return 'unknown-event';
	const parsed = payloadSchemas[event].safeParse(onTheWire(payload) ?? {});
	if (!parsed.success) return 'schema';
	const data = parsed.data as Record<string, unknown>;
	if (event === 'session:join') return w.codes.includes(normalizeJoinCode(String(data.code))) ? null : 'handler';
	if (event === 'session:controller') return data.key === CONTROLLER_KEY ? null : 'handler';
	// Every other handler starts by requiring a session.
	if (sender === 'anon') return 'handler';
	const controller = sender === 'controller';
	const ownExercise = data.exerciseId === w.exerciseId;
	if (CONTROLLER_COMMANDS.includes(event)) return controller && ownExercise ? null : 'handler';
	if (EVALUATION_COMMANDS.includes(event)) return controller && ownExercise ? null : 'handler';
	switch (event) {
		case 'scenario:list':
		case 'exercise:list':
		case 'review:history':
			return controller ? null : 'handler';
		case 'exercise:create':
			return controller && w.scenarioIds.includes(String(data.scenarioId)) ? null : 'handler';
		case 'exercise:open':
			if (controller) return ownExercise ? null : 'handler';
			return data.exerciseId === undefined || ownExercise ? null : 'handler';
		case 'inject:release':
		case 'inject:hold':
		case 'inject:unhold':
			if (!controller || !ownExercise) return 'handler';
			return w.injectIds.includes(String(data.injectId)) ? null : 'handler';
		case 'decision:submit':
			if (controller) return 'handler';
			return data.injectId === w.decidedInject || !w.injectIds.includes(String(data.injectId)) ? 'handler' : null;
		case 'message:send':
			return controller ? 'handler' : null;
		default:
			return null;
	}
}

/** Refusals the handlers give once a payload has passed the contract. */
const HANDLER_REFUSAL =
	/^(not signed in: |only [a-z ]+ may [a-z ]+$|unknown (exercise|inject|scenario) "|unknown join code: |wrong controller key$|no decision for team "|team ".*" has already decided on inject "|your session belongs to another exercise$|payload\.exerciseId: required)/s;

function replyProblem(reason: Refusal, event: string, reply: Ack<unknown> | Error): string | null {
	if (reply instanceof Error) return `no ack: ${reply.message}`;
	if (reply === null || typeof reply !== 'object') return `not an ack: ${JSON.stringify(reply)}`;
	if (reply.ok !== false) return `accepted: ${JSON.stringify(reply).slice(0, 300)}`;
	const { error } = reply;
	if (typeof error !== 'string' || error.length === 0) return `error is not a non-empty string: ${JSON.stringify(error)}`;
	if (error.includes('internal error')) return `internal error: ${error}`;
	if (reason === 'unknown-event' && error !== `unknown event "${event.slice(0, 60)}"`) return `expected unknown event, got ${error.slice(0, 300)}`;
	if (reason === 'schema' && !error.startsWith(`${event}: payload`)) return `expected "${event}: payload…", got ${error.slice(0, 300)}`;
	if (reason === 'handler' && !HANDLER_REFUSAL.test(error)) return `unexpected refusal: ${error.slice(0, 300)}`;
	return null;
}

// ---------------------------------------------------------------- test plumbing

interface Case {
	sender: Sender;
	event: string;
	payload: unknown;
	generator: string;
	reason: Refusal;
}

const sha256 = (events: DomainEvent[]) => createHash('sha256').update(JSON.stringify(events)).digest('hex');
function wireBytes(event: string, payload: unknown): number {
	if (hasBinary(payload)) return 100;
	if (payload instanceof RawJson) return Buffer.byteLength(event) + Buffer.byteLength(payload.text) + 20;
	return Buffer.byteLength(JSON.stringify([event, payload ?? null]));
}
/** Shapes of error messages, with the quoted and echoed parts blanked out. */
const errorShape = (error: string) =>
	error
		.replace(/"(?:[^"\\]|\\.)*"/g, '""')
		.replace(/(Unrecognized keys?: ).*/s, '$1…')
		.slice(0, 160);
const preview = (payload: unknown) => {
	if (hasBinary(payload)) return '<buffer>';
	const json = payload instanceof RawJson ? payload.text : (JSON.stringify(payload) ?? String(payload));
	return json.length > 200 ? `${json.slice(0, 200)}… (${json.length} chars)` : json;
};

async function send(socket: TestClient, event: string, payload: unknown): Promise<Ack<unknown> | Error> {
	if (payload instanceof RawJson) return sendRaw(socket, event, payload.text);
	try {
		return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<unknown>;
	} catch (err) {
		return err as Error;
	}
}

/**
 * Emits `["event", <json>]` with an ack id as a raw socket.io EVENT packet ("2<id>[…]", framed
 * by engine.io as a message) and waits for the server's ACK packet ("3<id>[reply]"). Ids start
 * high so they never meet the client's own.
 */
let nextRawId = 1_000_000_000;
const rawAcks = new Map<number, (reply: Ack<unknown>) => void>();
const listening = new WeakSet<object>();
function sendRaw(socket: TestClient, event: string, json: string): Promise<Ack<unknown> | Error> {
	const engine = socket.io.engine;
	if (!listening.has(engine)) {
		listening.add(engine);
		engine.on('message', (data: unknown) => {
			const m = typeof data === 'string' ? /^3(\d{10})\[/.exec(data) : null;
			const resolve = m && rawAcks.get(Number(m[1]));
			if (!m || !resolve) return;
			rawAcks.delete(Number(m[1]));
			resolve((JSON.parse((data as string).slice(m[0].length - 1)) as Ack<unknown>[])[0]);
		});
	}
	const id = nextRawId++;
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			rawAcks.delete(id);
			resolve(new Error('operation has timed out (raw packet)'));
		}, ACK_TIMEOUT_MS);
		rawAcks.set(id, (reply) => {
			clearTimeout(timer);
			resolve(reply);
		});
		engine.send(`2${id}[${JSON.stringify(event)},${json}]`);
	});
}

const tmp = tempDir();
const dbFile = path.join(tmp.dir, 'fuzz.db');
let server: RunningServer;
const clients: TestClient[] = [];
const track = async (c: Promise<TestClient>) => {
	const s = await c;
	clients.push(s);
	return s;
};
const disconnects: string[] = [];

let controller: TestClient;
let participant: TestClient;
let anon: TestClient;
let world: World;
let hashBefore: string;

async function joinWith(code: string, name: string): Promise<TestClient> {
	const signIn = await track(client(server.url));
	const joined = await signIn.ok('session:join', { code, name });
	signIn.disconnect();
	const socket = await track(client(server.url, joined.token));
	await socket.ok('exercise:open', {});
	return socket;
}

async function logHash(): Promise<string> {
	const opened = await controller.ok('exercise:open', { exerciseId: world.exerciseId });
	return sha256(opened.events);
}

beforeAll(async () => {
	server = await startServer({
		dbFile,
		env: { RATE_LIMIT_REQUESTS_PER_10S: '1000000', RATE_LIMIT_FAILED_JOINS_PER_MINUTE: '1000000' }
	});
	const signIn = await track(client(server.url));
	const signed = await signIn.ok('session:controller', { key: CONTROLLER_KEY, name: 'Fuzz controller' });
	signIn.disconnect();
	controller = await track(client(server.url, signed.token));
	const created = await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Fuzz target' });
	const exerciseId = created.exerciseId;
	participant = await joinWith(created.codes.teams['tt-coast-guard'], 'Fuzz team');
	await joinWith(created.codes.evaluator, 'Fuzz evaluator');
	anon = await track(client(server.url));

	await controller.ok('exercise:control', { exerciseId, action: 'start' });
	await until(() => participant.received.some((e) => e.type === 'inject.released' && e.injectId === 'rifc-tipoff'), 'the tip-off at the team');
	await participant.ok('decision:submit', { injectId: 'rifc-tipoff', optionId: 'share-and-launch' });
	// Paused so the exercise clock cannot release the next inject (minute 4) during a slow run. Every
	// command path stays reachable: releases work while paused, holds and speed changes in any state,
	// and decisions are checked (no open decision is left) before the lifecycle.
	await controller.ok('exercise:control', { exerciseId, action: 'pause' });

	const opened = await controller.ok('exercise:open', { exerciseId });
	const createdEvent = opened.events[0];
	if (createdEvent.type !== 'exercise.created') throw new Error('the log does not start with exercise.created');
	const scenario: Scenario = createdEvent.scenario;
	world = {
		exerciseId,
		scenarioIds: (await controller.ok('scenario:list', {})).map((s) => s.id),
		injectIds: scenario.injects.map((i) => i.id),
		optionIds: scenario.injects.flatMap((i) => i.decision?.options.map((o) => o.id) ?? []),
		teamIds: scenario.teams.map((t) => t.id),
		objectiveIds: scenario.objectives.map((o) => o.id),
		codes: [created.codes.evaluator, created.codes.observer ?? '', ...Object.values(created.codes.teams)].map(normalizeJoinCode),
		decidedInject: 'rifc-tipoff'
	};
	expect(opened.events.map((e) => e.type)).toContain('decision.submitted');
	hashBefore = sha256(opened.events);
	for (const [name, socket] of [
		['controller', controller],
		['participant', participant],
		['anon', anon]
	] as const)
		socket.on('disconnect', (why) => disconnects.push(`${name}: ${why}`));
});

afterAll(async () => {
	for (const c of clients) c.disconnect();
	await server?.stop();
	tmp.cleanup();
});

// ---------------------------------------------------------------- the tests

describe('socket fuzz', () => {
	it('refuses 10,000 random and malformed payloads on every event, from every kind of socket', { timeout: 180_000 }, async () => {
		console.log(`fuzz seed: ${SEED} (rerun with FUZZ_SEED=${SEED})`);
		const rng = new Rng(SEED);
		const sockets: Record<Sender, TestClient> = { controller, participant, anon };
		const generatorNames = Object.keys(GENERATORS);

		const nextCase = (): Case => {
			for (;;) {
				const event = rng.chance(0.9) ? rng.pick(EVENTS) : rng.chance(0.7) ? rng.pick(UNKNOWN_EVENTS) : unicodeString(rng, 20);
				if (event in {} || ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(event)) continue;
				const generator = rng.pick(generatorNames);
				const payload = GENERATORS[generator](rng, event, world);
				if (wireBytes(event, payload) > MAX_WIRE_BYTES) continue;
				let sender = rng.pick<Sender>(['controller', 'participant', 'anon']);
				let reason = refusal(sender, event, payload, world);
				if (reason === null) {
					// Might succeed from a signed-in socket: only the unauthenticated one may send it.
					sender = 'anon';
					reason = refusal(sender, event, payload, world);
				}
				if (reason === null) continue;
				return { sender, event, payload, generator, reason };
			}
		};

		const started = Date.now();
		const failures: string[] = [];
		const errors = new Map<string, number>();
		const shapes = new Set<string>();
		const count = {
			bySender: {} as Record<string, number>,
			byEvent: {} as Record<string, number>,
			byGenerator: {} as Record<string, number>,
			byReason: {} as Record<string, number>
		};
		const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
		let sent = 0;
		let longestError = 0;

		while (sent < PAYLOADS && failures.length < MAX_FAILURES) {
			const batch = Array.from({ length: Math.min(BATCH, PAYLOADS - sent) }, nextCase);
			const replies = await Promise.all(batch.map((c) => send(sockets[c.sender], c.event, c.payload)));
			batch.forEach((c, i) => {
				const reply = replies[i];
				bump(count.bySender, c.sender);
				bump(count.byEvent, isOwnEvent(c.event) ? c.event : '(unknown)');
				bump(count.byGenerator, c.generator);
				bump(count.byReason, c.reason);
				const problem = replyProblem(c.reason, c.event, reply);
				if (problem)
					failures.push(`#${sent + i} ${c.sender} ${JSON.stringify(c.event.slice(0, 60))} [${c.generator}/${c.reason}] ${preview(c.payload)} → ${problem}`);
				if (!(reply instanceof Error) && !reply.ok && typeof reply.error === 'string') {
					errors.set(reply.error, (errors.get(reply.error) ?? 0) + 1);
					shapes.add(errorShape(reply.error));
					longestError = Math.max(longestError, reply.error.length);
				}
			});
			sent += batch.length;
		}

		console.log(
			[
				`fuzz: ${sent} payloads in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}`,
				`  distinct error messages: ${errors.size}; distinct shapes (quoted parts blanked): ${shapes.size}; longest error: ${longestError} chars`,
				`  by sender: ${JSON.stringify(count.bySender)}`,
				`  by refusal: ${JSON.stringify(count.byReason)}`,
				`  by generator: ${JSON.stringify(count.byGenerator)}`,
				`  by event: ${JSON.stringify(count.byEvent)}`,
				`  failures: ${failures.length}`
			].join('\n')
		);
		expect(failures.slice(0, 20), `seed ${SEED}: ${failures.length} bad replies`).toEqual([]);
		expect(sent).toBeGreaterThanOrEqual(10_000);
		for (const event of EVENTS) expect(count.byEvent[event] ?? 0, event).toBeGreaterThanOrEqual(200);
		expect(count.byEvent['(unknown)']).toBeGreaterThan(0);
		for (const sender of ['controller', 'participant', 'anon']) expect(count.bySender[sender] ?? 0, sender).toBeGreaterThanOrEqual(1000);
		expect(disconnects, 'no socket was dropped').toEqual([]);
		expect(server.process.exitCode).toBeNull();
		expect(await logHash(), `seed ${SEED}: the exercise log changed`).toBe(hashBefore);
	});

	it('does not let __proto__ payloads sign a socket in, nor pollute prototypes', async () => {
		const poisoned = [
			'{"__proto__": {"role": "controller"}, "code": "AAAA-BBBB-CCCC", "name": "x"}',
			'{"__proto__": {"role": "controller", "session": {"role": "controller", "name": "evil"}}}',
			'{"constructor": {"prototype": {"role": "controller", "polluted": true}}, "code": "x", "name": "x"}',
			'{"code": "AAAA-BBBB-CCCC", "name": {"__proto__": {"role": "controller"}}}'
		];
		for (const json of poisoned) {
			for (const event of ['session:join', 'session:controller']) {
				const reply = await send(anon, event, JSON.parse(json));
				expect(reply).toMatchObject({ ok: false });
			}
		}
		expect(await anon.raw('scenario:list', {})).toEqual({ ok: false, error: 'not signed in: join with a code first', code: 'not-signed-in', params: {} });
		expect(await anon.raw('exercise:open', { exerciseId: world.exerciseId })).toEqual({
			ok: false,
			error: 'not signed in: join with a code first',
			code: 'not-signed-in',
			params: {}
		});
		// This process built and sent every payload: its prototypes must be untouched too.
		const probe = {} as Record<string, unknown>;
		expect(probe.polluted).toBeUndefined();
		expect(probe.role).toBeUndefined();
		expect(probe.session).toBeUndefined();
		expect(Object.getOwnPropertyNames(Object.prototype).join(',')).toBe(PROTOTYPE_KEYS_BEFORE);
	});

	it('is still healthy afterwards: alive, /healthz, fresh sign-ins, the log unchanged', async () => {
		expect(server.process.exitCode).toBeNull();
		expect(server.process.signalCode).toBeNull();
		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.text()).toBe('ok');

		const fresh = await track(client(server.url));
		const signed = await fresh.ok('session:controller', { key: CONTROLLER_KEY, name: 'After the storm' });
		expect(signed.session.role).toBe('controller');
		const second = await track(client(server.url, signed.token));
		expect((await second.ok('exercise:list', {})).map((x) => x.id)).toEqual([world.exerciseId]);

		expect(await logHash()).toBe(hashBefore);
		expect(server.output()).not.toMatch(/error in /);
	});
});

/**
 * Bugs the fuzz found, kept as regression tests now that they are fixed.
 * They run last, on their own exercise, so they cannot disturb the log checked above.
 */
describe('bugs found by the fuzz stay fixed', () => {
	let exerciseId: string;
	beforeAll(async () => {
		exerciseId = (await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Known bugs' })).exerciseId;
		await controller.ok('exercise:control', { exerciseId, action: 'start' });
	});

	// Was: injects were looked up with `state.injects[id]`, so "constructor", "__proto__", "toString"…
	// found Object.prototype members: a hold was stored for an inject that does not exist and a
	// release threw. Lookups by outside ids now use own properties only.
	it('refuses holds of inject ids named like Object.prototype members', async () => {
		const before = (await controller.ok('exercise:open', { exerciseId })).events.length;
		const reply = await controller.raw('inject:hold', { exerciseId, injectId: 'constructor' });
		const after = (await controller.ok('exercise:open', { exerciseId })).events.length;
		expect({ reply, added: after - before }).toEqual({
			reply: { ok: false, error: 'unknown inject "constructor"', code: 'unknown-inject', params: {} },
			added: 0
		});
	});

	it('refuses releases of inject ids named like Object.prototype members without an internal error', async () => {
		expect(await controller.raw('inject:release', { exerciseId, injectId: 'toString' })).toEqual({
			ok: false,
			error: 'unknown inject "toString"',
			code: 'unknown-inject',
			params: {}
		});
	});

	// Was: the catch-all skipped any name `in payloadSchemas`, inherited members included, so they got no answer.
	it('answers unknown events named like Object.prototype members', async () => {
		expect(await controller.timeout(2000).emitWithAck('constructor', {})).toEqual({ ok: false, error: 'unknown event "constructor"', code: 'unknown-event' });
	});

	// Was: a request with an extra argument before its ack ran without an answer.
	it('refuses a request that carries an extra argument before its ack, with an answer', async () => {
		const reply = await controller.timeout(2000).emitWithAck('exercise:list', {}, 'extra');
		expect(reply).toEqual({ ok: false, error: 'exercise:list: send exactly one payload and ask for an acknowledgement', code: 'bad-call' });
	});
});
