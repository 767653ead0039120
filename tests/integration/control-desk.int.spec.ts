/**
 * Exercise control's desk over the real server: passing an inject on delivers the inject itself, messages to
 * exercise control are answered, teams are marked absent or played by control, and evaluators edit, delete and
 * link their notes and write the AAR's narrative — each seen only by those who may see it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISE_CONTROL } from '../../src/lib/engine/scenario/vocabulary';
import { foldEvents } from '../../src/lib/engine/exercise/state';
import { teamScores } from '../../src/lib/engine/review/score-decision';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
const tmp = tempDir();
let server: RunningServer;
const sockets: TestClient[] = [];
const keep = (s: TestClient) => (sockets.push(s), s);
let controller: TestClient;

async function exercise() {
	const x = await controller.ok('exercise:create', { scenarioId: SCENARIO });
	const seat = async (code: string, name: string) => {
		const a = keep(await client(server.url));
		const { token } = await a.ok('session:join', { code, name });
		a.disconnect();
		const s = keep(await client(server.url, token));
		await s.ok('exercise:open', {});
		return s;
	};
	await controller.ok('exercise:open', { exerciseId: x.exerciseId });
	return {
		id: x.exerciseId,
		cg: await seat(x.codes.teams['tt-coast-guard'], 'Lt Baptiste'),
		grenada: await seat(x.codes.teams['grenada-police'], 'Sgt Mitchell'),
		evaluator: await seat(x.codes.evaluator, 'Dr Alleyne')
	};
}
const log = async (exerciseId: string) => (await controller.ok('exercise:open', { exerciseId })).events;

beforeAll(async () => {
	server = await startServer({ dbFile: path.join(tmp.dir, 'desk.db'), env: { RATE_LIMIT_REQUESTS_PER_10S: '10000' } });
	const anon = keep(await client(server.url));
	const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Director' });
	controller = keep(await client(server.url, token));
});
afterAll(async () => {
	for (const s of sockets) s.disconnect();
	await server?.stop();
	tmp.cleanup();
});

describe('messages', () => {
	it('passes an inject on as the inject itself, without its controller note', async () => {
		const x = await exercise();
		await controller.ok('exercise:control', { exerciseId: x.id, action: 'start' });
		await x.cg.ok('message:send', { to: ['grenada-police'], channel: 'secure-chat', text: 'For your boarding team', refInjectId: 'rifc-tipoff' });
		await until(() => x.grenada.received.some((e) => e.type === 'message.sent'), 'the message at Grenada');
		const sent = x.grenada.received.find((e) => e.type === 'message.sent')!;
		expect(sent.type === 'message.sent' && sent.forwarded).toMatchObject({
			injectId: 'rifc-tipoff',
			from: 'RIFC duty analyst',
			channel: 'intel',
			title: 'RIFC intelligence report: go-fast departed Paria with drugs and firearms',
			body: expect.stringContaining('Grading B2')
		});
		expect(JSON.stringify(x.grenada.received)).not.toContain('Key early decision');
		// Grenada's own view holds the copy (the inject itself was never released to Grenada).
		const grenadaView = foldEvents(x.id, x.grenada.received);
		expect(grenadaView.injects['rifc-tipoff']).toBeUndefined();
		expect(grenadaView.messages[0]).toMatchObject({ by: 'Lt Baptiste', text: 'For your boarding team', forwarded: { injectId: 'rifc-tipoff' } });
	});

	it('answers a message to exercise control with an inject, or marks it handled, once', async () => {
		const x = await exercise();
		await controller.ok('exercise:control', { exerciseId: x.id, action: 'start' });
		for (const text of ['Request JRCC contact number', 'Is the RIFC report releasable?'])
			await x.cg.ok('message:send', { to: [EXERCISE_CONTROL], channel: 'phone', text });
		const [first, second] = foldEvents(x.id, await log(x.id)).messages;
		const { injectId } = await controller.ok('inject:add', {
			exerciseId: x.id,
			inMinutes: 0,
			inReplyTo: first!.messageId,
			inject: { from: 'JRCC watch officer', to: ['tt-coast-guard'], channel: 'phone', title: 'Re: JRCC contact', body: 'Call 1-868-555-0100.' }
		});
		await controller.ok('message:answer', { exerciseId: x.id, messageId: second!.messageId });
		expect(await controller.call('message:answer', { exerciseId: x.id, messageId: second!.messageId })).toEqual({
			ok: false,
			error: 'that message has already been answered',
			code: 'message-answered',
			params: {}
		});
		const state = foldEvents(x.id, await log(x.id));
		expect(state.messages.map((m) => [m.text, m.answeredBy, m.answerInjectId])).toEqual([
			['Request JRCC contact number', 'Director', injectId],
			['Is the RIFC report releasable?', 'Director', null]
		]);
		// The team that asked sees that it was answered; another team sees nothing of it.
		await until(() => x.cg.received.filter((e) => e.type === 'message.answered').length === 2, 'the answers at the coast guard');
		expect(x.grenada.received.some((e) => e.type === 'message.answered')).toBe(false);
	});
});

describe('teams', () => {
	it('does not count a decision missed while a team was marked absent against it', async () => {
		const x = await exercise();
		await controller.ok('team:mark', { exerciseId: x.id, team: 'tt-coast-guard', mode: 'absent' });
		await controller.ok('clock:speed', { exerciseId: x.id, speed: 60 });
		await controller.ok('exercise:control', { exerciseId: x.id, action: 'start' });
		// The tip-off's 10-minute deadline is 10 s at 60×.
		await until(() => x.cg.received.some((e) => e.type === 'decision.expired'), 'the tip-off to expire', 25_000);
		await controller.ok('exercise:control', { exerciseId: x.id, action: 'pause' });
		const events = await log(x.id);
		expect(events.find((e) => e.type === 'decision.expired')).toMatchObject({ team: 'tt-coast-guard', teamAbsent: true });
		const state = foldEvents(x.id, events);
		expect(state.teamModes).toEqual({ 'tt-coast-guard': 'absent' });
		const cg = teamScores(state).find((t) => t.team === 'tt-coast-guard')!;
		expect(cg).toMatchObject({ expired: 1, max: 0 });
		// Participants are not told how control marked them.
		expect(x.cg.received.some((e) => e.type === 'team.marked')).toBe(false);
	});

	it('lets exercise control decide for a team it plays, and only then', async () => {
		const x = await exercise();
		await controller.ok('exercise:control', { exerciseId: x.id, action: 'start' });
		const forCg = { exerciseId: x.id, team: 'tt-coast-guard', injectId: 'rifc-tipoff', optionId: 'share-and-launch' };
		expect(await controller.call('decision:submit-for', forCg)).toEqual({
			ok: false,
			error: 'team "tt-coast-guard" is not played by exercise control',
			code: 'not-played-by-control',
			params: {}
		});
		await controller.ok('team:mark', { exerciseId: x.id, team: 'tt-coast-guard', mode: 'control' });
		await controller.ok('decision:submit-for', forCg);
		const state = foldEvents(x.id, await log(x.id));
		expect(state.decisions['rifc-tipoff/tt-coast-guard']).toMatchObject({ status: 'decided', by: 'Director (exercise control)' });
		await controller.ok('team:mark', { exerciseId: x.id, team: 'tt-coast-guard', mode: 'playing' });
		expect(foldEvents(x.id, await log(x.id)).teamModes).toEqual({});
	});
});

describe('evaluators', () => {
	it('edit, link and delete notes, and write the narrative, out of the teams’ sight', async () => {
		const x = await exercise();
		await controller.ok('exercise:control', { exerciseId: x.id, action: 'start' });
		const released = (await log(x.id)).find((e) => e.type === 'inject.released')!;
		await x.evaluator.ok('evaluation:observe', {
			team: 'tt-coast-guard',
			objective: 'detect-and-share',
			text: 'Slow to read the report',
			eventSeq: released.seq
		});
		await x.evaluator.ok('evaluation:observe', { team: null, objective: null, text: 'Radio noise in the room' });
		expect(await x.evaluator.call('evaluation:observe', { team: null, objective: null, text: 'Bad link', eventSeq: 99_999 })).toEqual({
			ok: false,
			error: 'no event 99999 in this exercise',
			code: 'no-event',
			params: {}
		});
		let notes = foldEvents(x.id, await log(x.id)).observations;
		expect(notes.map((n) => [n.text, n.eventSeq])).toEqual([
			['Slow to read the report', released.seq],
			['Radio noise in the room', null]
		]);
		await x.evaluator.ok('evaluation:observe-edit', {
			observationId: notes[0]!.observationId,
			team: 'grenada-police',
			objective: 'detect-and-share',
			text: 'Grenada slow to ask for the report',
			eventSeq: null
		});
		await x.evaluator.ok('evaluation:observe-delete', { observationId: notes[1]!.observationId });
		await x.evaluator.ok('evaluation:narrative', { section: 'summary', text: 'A fast hand-off; evidence handling needs work.' });
		await x.evaluator.ok('evaluation:narrative', { section: 'strengths:detect-and-share', text: 'The JRCC link worked.' });
		expect(await x.evaluator.call('evaluation:narrative', { section: 'strengths:no-such-objective', text: 'x' })).toEqual({
			ok: false,
			error: 'unknown objective "no-such-objective"',
			code: 'unknown-objective',
			params: {}
		});

		const state = foldEvents(x.id, await log(x.id));
		notes = state.observations;
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ team: 'grenada-police', text: 'Grenada slow to ask for the report', eventSeq: null, editedAt: expect.any(Number) });
		expect(Object.keys(state.narrative)).toEqual(['summary', 'strengths:detect-and-share']);
		expect(state.narrative.summary).toMatchObject({ by: 'Dr Alleyne', text: 'A fast hand-off; evidence handling needs work.' });
		await x.evaluator.ok('evaluation:narrative', { section: 'summary', text: '' });
		expect(Object.keys(foldEvents(x.id, await log(x.id)).narrative)).toEqual(['strengths:detect-and-share']);

		for (const team of [x.cg, x.grenada]) {
			const text = JSON.stringify([...team.received, ...(await team.ok('exercise:open', {})).events]);
			for (const secret of ['Slow to read', 'Grenada slow', 'Radio noise', 'JRCC link worked', 'observation.deleted']) expect(text).not.toContain(secret);
		}
	});
});
