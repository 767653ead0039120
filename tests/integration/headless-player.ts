/**
 * Plays a scenario headless against the real server: a controller runs the clock
 * at 60×, one socket per team answers every decision it is asked and, in the
 * "best" style, tasks its assets and runs its ports and shelters; the "worst"
 * style picks the lowest-scoring options and leaves assets and facilities alone.
 * Option scores come from the scenario file (participants never receive them).
 */
import { exerciseTimeAt, MINUTE } from '../../src/lib/engine/exercise/clock';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { foldEvents, type ExerciseState } from '../../src/lib/engine/exercise/state';
import type { Scenario } from '../../src/lib/engine/scenario/schema';
import { decidingTeams, isTaskable } from '../../src/lib/engine/scenario/kinds';
import { client, CONTROLLER_KEY, until, type TestClient } from './harness';

export type Style = 'best' | 'worst';

export interface PlayedRun {
	style: Style;
	scenario: Scenario;
	log: DomainEvent[];
	final: ExerciseState;
	/** Orders and facility changes the server refused (kept for diagnosis; refusals are normal play). */
	refusals: string[];
}

const total = (scores: Record<string, number>) => Object.values(scores).reduce((a, b) => a + b, 0);

export async function playScenario(url: string, scenario: Scenario, style: Style): Promise<PlayedRun> {
	const sockets: TestClient[] = [];
	const refusals: string[] = [];
	try {
		const anon = await client(url);
		sockets.push(anon);
		const { token } = await anon.ok('session:controller', { key: CONTROLLER_KEY, name: `Control ${style}` });
		const controller = await client(url, token);
		sockets.push(controller);
		const created = await controller.ok('exercise:create', { scenarioId: scenario.id, title: `${scenario.id} (${style})` });
		const exerciseId = created.exerciseId;
		await controller.ok('exercise:open', { exerciseId });

		const teams = new Map<string, TestClient>();
		for (const team of scenario.teams) {
			const joiner = await client(url);
			const joined = await joiner.ok('session:join', { code: created.codes.teams[team.id], name: `${team.id} lead` });
			joiner.disconnect();
			const s = await client(url, joined.token);
			sockets.push(s);
			await s.ok('exercise:open', {});
			teams.set(team.id, s);
		}

		const answered = new Set<string>();
		const ordered = new Set<string>();
		const byInject = new Map(scenario.injects.map((i) => [i.id, i]));
		const act = async (team: string, socket: TestClient) => {
			const view = foldEvents(exerciseId, socket.received);
			// Decisions: best or worst option by the scenario's own scores.
			for (const d of Object.values(view.decisions)) {
				const key = `${d.injectId}/${team}`;
				if (d.team !== team || d.status !== 'open' || answered.has(key)) continue;
				const inject = byInject.get(d.injectId);
				if (!inject?.decision || !decidingTeams(inject).includes(team)) continue;
				const options = [...inject.decision.options].sort(
					(a, b) => total(b.scores) - total(a.scores) - (b.violation?.penalty ?? 0) + (a.violation?.penalty ?? 0)
				);
				const pick = style === 'best' ? options[0] : options.at(-1)!;
				answered.add(key);
				const reply = await socket.call('decision:submit', { injectId: d.injectId, optionId: pick.id });
				if (!reply.ok) refusals.push(`${team} ${d.injectId}: ${reply.error}`);
			}
			if (style !== 'best' || view.status !== 'running') return;
			// Assets: intercept suspects on the picture and boats calling for help.
			const assets = scenario.entities.filter((e) => e.team === team && isTaskable(e));
			const distress = Object.keys(view.alerts)
				.filter((k) => k.startsWith('distress/'))
				.map((k) => k.slice('distress/'.length));
			const targets = [
				...distress,
				...Object.values(view.entities)
					.filter((e) => e.category === 'suspect' && e.team !== team)
					.map((e) => e.id)
			];
			for (const target of targets)
				for (const asset of assets) {
					const key = `${asset.id}>${target}`;
					if (ordered.has(key) || [...ordered].some((k) => k.startsWith(`${asset.id}>`))) continue;
					if (view.intercepts.some((x) => x.target === target)) continue;
					ordered.add(key);
					const reply = await socket.call('asset:task', { entityId: asset.id, order: { type: 'intercept', target } });
					if (!reply.ok) refusals.push(`${team} ${key}: ${reply.error}`);
					else break;
				}
			// Ports and shelters: open them all with as many staff as they take.
			for (const f of scenario.entities.filter((e) => (e.kind === 'port' || e.kind === 'shelter') && e.team === team)) {
				const key = `facility:${f.id}`;
				if (ordered.has(key)) continue;
				ordered.add(key);
				const reply = await socket.call('facility:set', { entityId: f.id, open: true, staff: f.maxStaff ?? f.staff });
				if (!reply.ok) refusals.push(`${team} ${f.id}: ${reply.error}`);
			}
		};

		await controller.ok('exercise:control', { exerciseId, action: 'start' });
		await controller.ok('clock:speed', { exerciseId, speed: 60 });
		const state = () => foldEvents(exerciseId, controller.received);
		const deadline = Date.now() + ((scenario.durationMinutes + 5) * MINUTE) / 60 + 60_000;
		while (exerciseTimeAt(state().clock, Date.now()) < scenario.durationMinutes * MINUTE) {
			if (Date.now() > deadline) throw new Error(`${scenario.id} (${style}) did not reach its end in time`);
			for (const [team, socket] of teams) await act(team, socket);
			await new Promise((r) => setTimeout(r, 100));
		}
		await controller.ok('exercise:control', { exerciseId, action: 'end' });
		await until(() => controller.received.some((e) => e.type === 'exercise.ended'), 'the end');
		const log = (await controller.ok('exercise:open', { exerciseId })).events;
		return { style, scenario, log, final: foldEvents(exerciseId, log), refusals };
	} finally {
		for (const s of sockets) s.disconnect();
	}
}

/** Injects released by a trigger in this run. */
export const triggeredInjects = (run: PlayedRun) => new Set(run.log.flatMap((e) => (e.type === 'inject.triggered' ? [e.injectId] : [])));

/** Decisions whose option branches played out differently between two runs. */
export function divergentDecisions(a: PlayedRun, b: PlayedRun): string[] {
	const inA = triggeredInjects(a);
	const inB = triggeredInjects(b);
	const decisions = new Set<string>();
	for (const inject of a.scenario.injects) {
		const t = inject.trigger;
		if (t && 'decision' in t && t.option && inA.has(inject.id) !== inB.has(inject.id)) decisions.add(t.decision);
	}
	return [...decisions];
}
