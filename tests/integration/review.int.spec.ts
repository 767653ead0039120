/**
 * A scripted exercise reviewed over the real server: hot-wash numbers follow
 * from the scenario's scoring, exports parse and hold every event, and the
 * review is only ever shown to the people allowed to see it.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { foldEvents } from '../../src/lib/engine/exercise/state';
import { hotWash } from '../../src/lib/engine/review/review';
import { parseScenarioYaml } from '../../src/lib/engine/scenario/parse';
import { TIMELINE_CSV_COLUMNS } from '../../src/lib/engine/formats/timeline-columns';
import { ExerciseView } from '../../src/lib/client/exercise-view.svelte';
import type { ClientSocket } from '../../src/lib/client/session';
import { client, CONTROLLER_KEY, startServer, tempDir, until, type RunningServer, type TestClient } from './harness';

const SCENARIO = 'maritime-trafficking-southern-caribbean';
const parsed = parseScenarioYaml(readFileSync(`scenarios/${SCENARIO}.yaml`, 'utf8'));
if (!parsed.ok) throw new Error('bundled scenario invalid');
const scenario = parsed.scenario;
const option = (injectId: string, optionId: string) => scenario.injects.find((i) => i.id === injectId)!.decision!.options.find((o) => o.id === optionId)!;

const tmp = tempDir();
let server: RunningServer;
const sockets: TestClient[] = [];
const keep = (s: TestClient) => (sockets.push(s), s);
let controller: TestClient;
let exerciseId: string;
const tokens: Record<string, string> = {};
const seats: Record<string, TestClient> = {};

beforeAll(async () => {
	server = await startServer({ dbFile: path.join(tmp.dir, 'review.db'), env: { RATE_LIMIT_REQUESTS_PER_10S: '10000' } });
	const anon = keep(await client(server.url));
	const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: 'Director' });
	tokens.controller = token;
	controller = keep(await client(server.url, token));
	const x = await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Review run' });
	exerciseId = x.exerciseId;
	const other = await controller.ok('exercise:create', { scenarioId: SCENARIO, title: 'Another run' });
	const codes: Record<string, string> = {
		cg: x.codes.teams['tt-coast-guard'],
		customs: x.codes.teams['tt-customs'],
		grenada: x.codes.teams['grenada-police'],
		evaluator: x.codes.evaluator,
		observer: x.codes.observer!,
		stranger: other.codes.teams['tt-coast-guard']
	};
	for (const [who, code] of Object.entries(codes)) {
		const a = keep(await client(server.url));
		tokens[who] = (await a.ok('session:join', { code, name: `${who} member` })).token;
		a.disconnect();
		seats[who] = keep(await client(server.url, tokens[who]));
		await seats[who].ok('exercise:open', {});
	}
	await controller.ok('exercise:open', { exerciseId });

	// The script: quick, clean play by the coast guard; customs breaks the chain of custody; Grenada boards lawfully.
	await controller.ok('exercise:control', { exerciseId, action: 'start' });
	await seats.cg.ok('decision:submit', { injectId: 'rifc-tipoff', optionId: 'share-and-launch' });
	await seats.cg.ok('message:send', { to: ['grenada-police'], channel: 'secure-chat', text: 'RIFC B2 report attached', refInjectId: 'rifc-tipoff' });
	for (const injectId of ['customs-evidence', 'grenada-boarding']) await controller.ok('inject:release', { exerciseId, injectId });
	await seats.customs.ok('decision:submit', { injectId: 'customs-evidence', optionId: 'open-and-test-at-sea' });
	await seats.grenada.ok('decision:submit', { injectId: 'grenada-boarding', optionId: 'board-territorial-sea' });
	await seats.evaluator.ok('evaluation:rate', {
		team: 'tt-customs',
		objective: 'evidence-chain',
		rating: 'M',
		explanation: 'Opened bags at sea before sealing'
	});
	await seats.evaluator.ok('evaluation:observe', { team: 'tt-customs', objective: 'evidence-chain', text: 'No seal kit aboard the cutter' });
	await seats.evaluator.ok('evaluation:observe', { team: 'tt-coast-guard', objective: 'detect-and-share', text: 'Fast, clean hand-off to Grenada' });
	await controller.ok('score:adjust', {
		exerciseId,
		team: 'grenada-police',
		objective: 'public-information',
		points: 2,
		reason: 'Briefed the minister off-system'
	});
	await controller.ok('exercise:control', { exerciseId, action: 'end' });
});
afterAll(async () => {
	for (const s of sockets) s.disconnect();
	await server?.stop();
	tmp.cleanup();
});

const get = (route: string, token?: string) =>
	fetch(`${server.url}/api/exercises/${exerciseId}/${route}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('hot wash', () => {
	it('gives the numbers the scenario’s scoring implies', async () => {
		const res = await get('events.json', tokens.evaluator);
		const { events } = (await res.json()) as { events: DomainEvent[] };
		const summary = hotWash(foldEvents(exerciseId, events));
		const team = (id: string) => summary.teams.find((t) => t.team === id)!;
		const pct = (id: string, objective: string) => team(id).objectives.find((o) => o.objective === objective)!.percent;

		// Coast guard: the best option, in time, plus the expected hand-off to Grenada in time.
		const best = option('rifc-tipoff', 'share-and-launch');
		expect(pct('tt-coast-guard', 'detect-and-share')).toBe(100);
		expect(Object.keys(best.scores).every((o) => pct('tt-coast-guard', o) === 100)).toBe(true);
		// Customs: the option's points on evidence-chain minus the rule's penalty, against the best option.
		const opened = option('customs-evidence', 'open-and-test-at-sea');
		const sealed = option('customs-evidence', 'seal-and-log');
		const earned = (opened.scores['evidence-chain'] ?? 0) - opened.violation!.penalty;
		expect(pct('tt-customs', 'evidence-chain')).toBe(Math.round((earned / Math.max(...[sealed, opened].map((o) => o.scores['evidence-chain'] ?? 0))) * 100));
		expect(team('tt-customs').improvements).toContain('Evidence chain');
		expect(team('tt-customs').objectives.find((o) => o.objective === 'evidence-chain')?.rating?.rating).toBe('M');
		expect(summary.violations).toEqual([expect.objectContaining({ team: 'tt-customs', injectId: 'customs-evidence', rule: opened.violation!.rule })]);
		// Grenada: lawful boarding in its own waters; the adjustment adds to public information.
		expect(pct('grenada-police', 'lawful-interdiction')).toBe(100);
		expect(team('grenada-police').strengths).toContain('Lawful interdiction');
		expect(summary.observations).toBe(2);
		expect(summary.unanswered).toEqual([]);
	});
});

describe('exports', () => {
	it('give evaluators and controllers every event, as JSON and as CSV', async () => {
		const log = (await controller.ok('exercise:open', { exerciseId })).events;
		for (const who of ['evaluator', 'controller']) {
			const json = await get('events.json', tokens[who]);
			expect(json.status).toBe(200);
			expect(json.headers.get('content-disposition')).toMatch(/attachment; filename=".*events\.json"/);
			const body = (await json.json()) as { exercise: { id: string }; events: DomainEvent[] };
			expect(body.exercise.id).toBe(exerciseId);
			expect(body.events).toEqual(log);

			const csv = await get('timeline.csv', tokens[who]);
			const table = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
			expect(table.errors).toEqual([]);
			expect(table.meta.fields).toEqual([...TIMELINE_CSV_COLUMNS]);
			expect(table.data.map((r) => Number(r.seq))).toEqual(log.map((e) => e.seq));
			expect(table.data.map((r) => r.type)).toEqual(log.map((e) => e.type));
		}
	});

	it('refuse anyone without a valid session, observers, and other exercises’ members', async () => {
		expect((await get('events.json')).status).toBe(401);
		expect((await get('events.json', tokens.cg.slice(0, -3) + 'abc')).status).toBe(401);
		expect((await get('events.json', tokens.observer)).status).toBe(403);
		const stranger = await get('timeline.csv', tokens.stranger);
		expect(stranger.status).toBe(403);
		expect(await stranger.json()).toEqual({ error: 'your session belongs to another exercise', code: 'other-exercise' });
		expect((await fetch(`${server.url}/api/exercises/no-such-run/events.json`, { headers: { authorization: `Bearer ${tokens.controller}` } })).status).toBe(
			404
		);
	});
});

describe('participants and their review', () => {
	it('a team’s live view fetches its log once when the review opens, and then shows its own review', async () => {
		// The browser's own view class over a real socket: it must not reload in a loop (it once asked 61 times in 10 s).
		const socket = keep(await client(server.url, tokens.grenada));
		const opens: number[] = [];
		socket.onAnyOutgoing((event) => event === 'exercise:open' && opens.push(Date.now()));
		const view = new ExerciseView(socket as unknown as ClientSocket, undefined, 'participant');
		try {
			await until(() => view.connection === 'online' && view.state.status === 'ended', 'the team view to load');
			expect(view.state.adjustments).toEqual([]);
			expect(opens).toHaveLength(1);

			await controller.ok('review:share', { exerciseId, participantsMaySee: true });
			await until(() => view.state.adjustments.length === 1, 'the team review to appear');
			await new Promise((r) => setTimeout(r, 500));
			expect(opens).toHaveLength(2);
			expect(view.state.reviewShared).toBe(true);
			expect(view.state.adjustments.map((a) => a.team)).toEqual(['grenada-police']);
			expect(view.connection).toBe('online');
		} finally {
			view.destroy();
			await controller.ok('review:share', { exerciseId, participantsMaySee: false });
		}
	});

	it('shows a team nothing of the review until the controller opens it, then only its own', async () => {
		const closed = await get('events.json', tokens.customs);
		expect(closed.status).toBe(403);
		expect(await closed.json()).toEqual({ error: 'the review is not open to teams: ask your controller', code: 'review-closed' });
		let view = (await seats.customs.ok('exercise:open', {})).events;
		expect(view.some((e) => e.type === 'rating.set' || e.type === 'observation.recorded')).toBe(false);

		await controller.ok('review:share', { exerciseId, participantsMaySee: true });
		const open = await get('events.json', tokens.customs);
		expect(open.status).toBe(200);
		const own = ((await open.json()) as { events: DomainEvent[] }).events;
		view = (await seats.customs.ok('exercise:open', {})).events;
		for (const events of [own, view]) {
			expect(events.filter((e) => e.type === 'rating.set').map((e) => e.type === 'rating.set' && e.team)).toEqual(['tt-customs']);
			expect(events.filter((e) => e.type === 'observation.recorded')).toHaveLength(1);
			const text = JSON.stringify(events);
			expect(text).not.toContain('Fast, clean hand-off');
			expect(text).not.toContain('Briefed the minister');
			expect(events.some((e) => (e.type === 'decision.submitted' || e.type === 'decision.expired') && e.team !== 'tt-customs')).toBe(false);
			expect(events.some((e) => e.type === 'message.sent')).toBe(false);
		}
		// Another team sees its own review, not customs'.
		const cg = ((await (await get('events.json', tokens.cg)).json()) as { events: DomainEvent[] }).events;
		expect(JSON.stringify(cg)).not.toContain('No seal kit');
		expect(cg.some((e) => e.type === 'message.sent')).toBe(true);
	});

	it('lists every run of the scenario with its scores for evaluators and controllers only', async () => {
		const rows = await seats.evaluator.ok('review:history', { scenarioId: SCENARIO });
		expect(rows.map((r) => r.title)).toEqual(['Review run', 'Another run']);
		expect(rows[0].scores['tt-coast-guard']['detect-and-share']).toBe(100);
		expect(rows[1].scores['tt-coast-guard']['detect-and-share']).toBeNull();
		expect(await seats.cg.call('review:history', { scenarioId: SCENARIO })).toEqual({
			ok: false,
			error: 'only evaluators and controllers may do this',
			code: 'reviewer-only',
			params: {}
		});
	});
});
