/**
 * A long, valid exercise log for the replay benchmark, produced the way the
 * server produces one: every event comes out of the exercise machine
 * (`decide`) for a simulated command, so the log is exactly what the reducer
 * must be able to fold. Deterministic (seeded) for a given size.
 *
 * The scenario is the maritime scenario's MSEL repeated back to back (a
 * day-long exercise with a few hundred injects); on top of the injects the
 * server's clock releases, simulated teams decide (most before their deadline),
 * pass injects on (coordination credit) and message each other, evaluators note
 * observations and ratings, and the controller changes speed, pauses and resumes.
 */
import { readFileSync } from 'node:fs';
import { exerciseTimeAt, MINUTE } from '../../../src/lib/engine/exercise/clock';
import type { DomainEvent } from '../../../src/lib/engine/exercise/events';
import type { CommandBody } from '../../../src/lib/engine/exercise/commands';
import { nextDueAt } from '../../../src/lib/engine/exercise/state';
import { parseScenarioYaml } from '../../../src/lib/engine/scenario/parse';
import { scenarioSchema, type Scenario } from '../../../src/lib/engine/scenario/schema';
import { storedExercise } from '../../fixtures/machine-driver';
import { Rng } from '../../fixtures/seeded-random';

export const REPLAY_SCENARIO_FILE = 'scenarios/maritime-trafficking-southern-caribbean.yaml';

export function loadBaseScenario(): Scenario {
	const parsed = parseScenarioYaml(readFileSync(REPLAY_SCENARIO_FILE, 'utf8'));
	if (!parsed.ok) throw new Error(`${REPLAY_SCENARIO_FILE} does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
	return parsed.scenario;
}

/** The MSEL repeated `copies` times, one copy after the other (ids suffixed, trigger references kept inside each copy). */
export function longScenario(base: Scenario, copies: number): Scenario {
	const span = base.durationMinutes;
	const suffix = (id: string, k: number) => (k === 0 ? id : `${id}-r${k}`);
	const injects = Array.from({ length: copies }, (_, k) =>
		base.injects.map((inj) => {
			const copy = structuredClone(inj) as Record<string, unknown> & typeof inj;
			copy.id = suffix(inj.id, k);
			delete copy.number;
			if (typeof inj.at === 'number') copy.at = inj.at + k * span;
			const t = copy.trigger as Record<string, unknown> | undefined;
			if (t && typeof t.decision === 'string') t.decision = suffix(t.decision, k);
			if (t && typeof t.missed === 'string') t.missed = suffix(t.missed, k);
			return copy;
		})
	).flat();
	return scenarioSchema.parse({ ...base, id: `${base.id}-long`, durationMinutes: span * copies, injects }) as Scenario;
}

export interface GeneratedLog {
	scenario: Scenario;
	events: DomainEvent[];
	counts: Record<string, number>;
	commands: number;
	refused: number;
}

const TEXTS = [
	'Radar contact bearing 310, closing at 35 knots; requesting aircraft overflight to confirm the go-fast.',
	'Passing on the RIFC tip-off: suspect vessel may transfer parcels near Point Salines before dawn.',
	'Customs CIU asks for the chain-of-custody form before anything is moved from the pirogue.',
	'Cutter on station; boarding team ready. Awaiting authority to board under the bilateral agreement.',
	'Media desk has a call from a local reporter asking about a chase off the south coast.',
	'JRCC confirms the fishing pirogue crew is accounted for; no persons in the water.'
];
const OBSERVATIONS = [
	'Team shared the radar track within five minutes, good use of the secure channel.',
	'Decision taken without consulting the legal adviser; check the rules of engagement brief.',
	'Evidence log started on time; photographs taken before the parcels were moved.',
	'Spokesperson line agreed with the other agencies before answering the press.'
];
const SPEEDS = [1, 2, 5, 10, 20, 30, 60];
const LIST_ONLY = new Set<CommandBody['type']>(['OBSERVE', 'RATE', 'ADJUST_SCORE', 'SEND_MESSAGE']);

/**
 * Generates a log of exactly `size` events (the prefix of a longer valid log
 * is itself valid). Runs the machine command by command, like the registry.
 */
export function generateLog(size: number, seed = 42): GeneratedLog {
	const base = loadBaseScenario();
	const copies = Math.max(1, Math.min(15, Math.floor((24 * 60) / base.durationMinutes)));
	const scenario = longScenario(base, copies);
	const rnd = new Rng(seed).float;
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
	const exerciseId = 'bench-replay';
	let wall = Date.UTC(2027, 2, 1, 8, 0, 0);
	const x = storedExercise({ type: 'exercise.created', title: 'Replay bench', scenario, exerciseId, at: 0, wall, actor: 'controller:bench', seq: 1 });
	let commands = 0;
	let refused = 0;
	const run = (body: CommandBody, actor = 'controller:bench'): boolean => {
		commands++;
		const result = x.decide({ ...body, wall, actor });
		if (!result.ok) {
			refused++;
			return false;
		}
		// Commands that only append to a list nothing else reads (observations, ratings, adjustments,
		// plain messages) leave the snapshot as it was: the machine's later choices do not depend on
		// those lists, and skipping them keeps generation linear. Their events are the machine's own.
		const appendOnly = LIST_ONLY.has(body.type) && result.events.length === 1;
		x.commit(result, appendOnly ? x.snapshot : result.snapshot);
		return true;
	};
	const state = x.state;

	run({ type: 'SET_SPEED', speed: 10 });
	run({ type: 'START' });
	let speed = 10;
	let paused = false;
	const teams = scenario.teams.map((t) => t.id);
	const objectives = scenario.objectives.map((o) => o.id);
	/** Decisions a team lets run out (about one in ten), so expiries appear too. */
	const ignored = new Set<string>();
	// Spread the exercise's whole span over the commands needed (about one event per step).
	const stepAt = (scenario.durationMinutes * MINUTE) / size;

	while (x.log.length < size) {
		const advance = stepAt * (0.5 + rnd());
		wall += Math.max(1, Math.round(advance / speed));
		if (paused) {
			run({ type: 'RESUME' });
			paused = false;
			continue;
		}
		// The server's timer: a TICK when something falls due.
		const due = nextDueAt(state());
		if (due !== null && due <= exerciseTimeAt(state().clock, wall)) run({ type: 'TICK' }, 'system');
		const s = state();
		if (s.status !== 'running') break;
		const r = rnd();
		if (r < 0.4) {
			// A team message; half of them pass on an inject the team received.
			const fromTeam = pick(teams);
			const others = teams.filter((t) => t !== fromTeam);
			const received = Object.values(s.injects).filter((i) => i.status === 'released' && i.inject.to.includes(fromTeam));
			const ref = received.length > 0 && rnd() < 0.5 ? pick(received.slice(-6)) : null;
			const to = ref?.inject.shareWith.length ? ref.inject.shareWith.map((x) => x.team).filter((t) => t !== fromTeam) : [pick(others)];
			run(
				{
					type: 'SEND_MESSAGE',
					messageId: `m${commands}`,
					fromTeam,
					to: to.length > 0 ? to : [pick(others)],
					channel: pick(['radio', 'phone', 'email', 'secure-chat'] as const),
					text: pick(TEXTS),
					refInjectId: ref?.id ?? null,
					by: `${fromTeam}-watch`
				},
				`team:${fromTeam}:watch`
			);
		} else if (r < 0.6) {
			run(
				{
					type: 'OBSERVE',
					observationId: `o${commands}`,
					team: rnd() < 0.8 ? pick(teams) : null,
					objective: rnd() < 0.7 ? pick(objectives) : null,
					text: pick(OBSERVATIONS),
					by: 'evaluator-1'
				},
				'evaluator:evaluator-1'
			);
		} else if (r < 0.85) {
			const open = Object.values(s.decisions).filter((d) => d.status === 'open' && !ignored.has(`${d.injectId}/${d.team}`));
			if (open.length > 0) {
				const d = pick(open);
				if (rnd() < 0.1) ignored.add(`${d.injectId}/${d.team}`);
				else {
					const options = s.injects[d.injectId]!.inject.decision!.options;
					run({ type: 'DECIDE', injectId: d.injectId, team: d.team, optionId: pick(options).id, by: `${d.team}-lead` }, `team:${d.team}:lead`);
				}
			}
		} else if (r < 0.92) {
			run(
				{
					type: 'RATE',
					team: pick(teams),
					objective: pick(objectives),
					rating: pick(['P', 'S', 'M', 'U'] as const),
					explanation: pick(OBSERVATIONS),
					by: 'evaluator-1'
				},
				'evaluator:evaluator-1'
			);
		} else if (r < 0.94) {
			run({
				type: 'ADJUST_SCORE',
				team: pick(teams),
				objective: pick(objectives),
				points: pick([-2, -1, 1, 2]),
				reason: 'Controller judgement after hot wash',
				by: 'bench'
			});
		} else if (r < 0.97) {
			speed = pick(SPEEDS.filter((v) => v !== speed));
			run({ type: 'SET_SPEED', speed });
		} else if (r < 0.985) {
			if (run({ type: 'PAUSE' })) paused = true;
		}
	}
	const out = x.log.slice(0, size);
	const counts: Record<string, number> = {};
	for (const e of out) counts[e.type] = (counts[e.type] ?? 0) + 1;
	return { scenario, events: out, counts, commands, refused };
}
