import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../exercise/clock';
import { bestOption } from '../review/score-decision';
import { parseScenarioYaml } from '../scenario/parse';
import { scenarioSchema, type Inject, type Scenario, type ScenarioInput } from '../scenario/schema';
import { decidingTeams } from '../scenario/kinds';
import { miniScenarioInput } from '../../../../tests/fixtures/mini-scenario';
import { dryRun, type DryRunResult } from './dry-run';

function bundled(file: string): Scenario {
	const parsed = parseScenarioYaml(readFileSync(`scenarios/${file}.yaml`, 'utf8'));
	if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
	return parsed.scenario;
}

const SCENARIOS = ['maritime-trafficking-southern-caribbean', 'displacement-hurricane-dominica'].map((f) => [f, bundled(f)] as const);

const releasedAt = (r: DryRunResult, injectId: string) => r.fired.find((f) => f.injectId === injectId)?.at;
const firedIds = (r: DryRunResult) => r.fired.map((f) => f.injectId);

/** Injects whose trigger watches a decision, with the decision's inject. */
function decisionBranches(scenario: Scenario) {
	return scenario.injects.flatMap((i) => {
		const t = i.trigger;
		if (!t || !('decision' in t)) return [];
		return [{ branch: i, trigger: t, watched: scenario.injects.find((w) => w.id === t.decision)! }];
	});
}

describe.each(SCENARIOS)('dryRun of %s', (_file, scenario) => {
	const best = dryRun(scenario, { kind: 'best' });
	const worst = dryRun(scenario, { kind: 'worst' });
	const none = dryRun(scenario, { kind: 'none' });
	const end = scenario.durationMinutes * MINUTE;

	it('plays from STARTEX to the planned end through the machine, and the timeline is the whole log', () => {
		for (const r of [best, worst, none]) {
			expect(r.truncated).toBe(false);
			expect(r.endedAt).toBe(end);
			expect(r.timeline).toHaveLength(r.eventCount);
			expect(r.timeline.map((e) => e.line.kind).slice(0, 2)).toEqual(['created', 'started']);
			expect(r.timeline.at(-1)).toMatchObject({ at: end, line: { kind: 'ended' } });
			expect(r.timeline.map((e) => e.seq)).toEqual(r.timeline.map((_, i) => i + 1));
			// Every inject timed within the planned length goes out at its minute.
			for (const i of scenario.injects.filter((x) => x.at !== undefined && x.at * MINUTE <= end))
				expect(r.fired.find((f) => f.injectId === i.id)).toMatchObject({ at: i.at! * MINUTE, cause: { kind: 'timed' }, teams: i.to });
		}
	});

	it('best scores at least as much as worst for every team, and more in total', () => {
		const worstOf = new Map(worst.scores.map((s) => [s.team, s.earned]));
		for (const s of best.scores) expect(s.earned).toBeGreaterThanOrEqual(worstOf.get(s.team)!);
		const sum = (r: DryRunResult) => r.scores.reduce((a, s) => a + s.earned, 0);
		expect(sum(best)).toBeGreaterThan(sum(worst));
		expect(best.scores.map((s) => s.team)).toEqual(scenario.teams.map((t) => t.id));
	});

	it('along the best path each deciding team answers with the best option at the expected time, for full timeliness', () => {
		expect(best.decisions.length).toBeGreaterThan(0);
		expect(best.expired).toEqual([]);
		for (const d of best.decisions.filter((x) => !x.openAtEnd)) {
			const inject = scenario.injects.find((i) => i.id === d.injectId)!;
			expect(d.optionId).toBe(bestOption(inject.decision!).id);
			expect(d.at - releasedAt(best, d.injectId)!).toBe(inject.decision!.expectedWithinMinutes * MINUTE);
			const option = inject.decision!.options.find((o) => o.id === d.optionId)!;
			for (const [objective, points] of Object.entries(option.scores))
				expect(d.points[objective]).toBe(points - (option.violation?.objective === objective ? option.violation.penalty : 0));
		}
	});

	it('with no answers every decision expires and the contingency (missed) injects fire', () => {
		expect(none.decisions.length).toBeGreaterThan(0);
		for (const d of none.decisions) {
			expect(d.optionId).toBeNull();
			const inject = scenario.injects.find((i) => i.id === d.injectId)!;
			const deadline = releasedAt(none, d.injectId)! + inject.decision!.deadlineMinutes * MINUTE;
			expect(d.expired).toBe(deadline <= end);
			if (d.expired) expect(d.at).toBe(deadline);
		}
		expect(none.expired.length).toBe(none.decisions.filter((d) => d.expired).length);
		expect(none.scores.every((s) => s.earned === 0)).toBe(true);
		const contingencies = scenario.injects.filter((i) => i.trigger && 'missed' in i.trigger);
		expect(contingencies.length).toBeGreaterThan(0);
		let checked = 0;
		for (const c of contingencies) {
			const t = c.trigger as Extract<Inject['trigger'], { missed: string }>;
			const watched = scenario.injects.find((i) => i.id === t.missed)!;
			const out = releasedAt(none, watched.id);
			if (out === undefined || !watched.decision || (t.team && !decidingTeams(watched).includes(t.team))) continue;
			const due = out + watched.decision.deadlineMinutes * MINUTE + t.delayMinutes * MINUTE;
			if (due > end) continue;
			checked++;
			const fired = none.fired.find((f) => f.injectId === c.id);
			expect(fired, c.id).toBeDefined();
			expect(fired!.at).toBeLessThanOrEqual(due);
			expect(fired!.cause).toMatchObject({ kind: 'triggered', because: { inject: watched.id } });
		}
		expect(checked).toBeGreaterThan(0);
		// Nobody chose anything, so no branch that waits on an option fired.
		for (const { branch } of decisionBranches(scenario)) expect(firedIds(none)).not.toContain(branch.id);
	});

	it('a chosen option fires exactly the injects triggered by that option, not its siblings\u2019 branches', () => {
		// For every decision, its last option (rarely the best): the branches hanging from the others must stay quiet.
		const choices = Object.fromEntries(scenario.injects.filter((i) => i.decision).map((i) => [i.id, i.decision!.options.at(-1)!.id]));
		const chosen = dryRun(scenario, { kind: 'chosen', choices });
		let fires = 0;
		let quiet = 0;
		for (const { branch, trigger, watched } of decisionBranches(scenario)) {
			const out = releasedAt(chosen, watched.id);
			const answeredAt = out === undefined ? undefined : out + watched.decision!.expectedWithinMinutes * MINUTE;
			const teamDecides = !trigger.team || decidingTeams(watched).includes(trigger.team);
			const picked = !trigger.option || trigger.option === choices[watched.id];
			const expected = answeredAt !== undefined && teamDecides && picked && answeredAt + trigger.delayMinutes * MINUTE <= end;
			expect(firedIds(chosen).includes(branch.id), branch.id).toBe(expected);
			if (expected) {
				fires++;
				expect(chosen.fired.find((f) => f.injectId === branch.id)!.cause).toMatchObject({
					kind: 'triggered',
					because: { kind: 'decision', inject: watched.id, option: choices[watched.id] }
				});
			} else if (answeredAt !== undefined && !picked) quiet++;
		}
		expect(fires).toBeGreaterThan(0);
		expect(quiet).toBeGreaterThan(0);
		for (const d of chosen.decisions.filter((x) => !x.openAtEnd)) expect(d.optionId).toBe(choices[d.injectId]);
	});

	it('a chosen null is no answer (the decision expires), and a decision not listed is answered with the best option', () => {
		const [first, second] = scenario.injects.filter((i) => i.decision && i.at !== undefined);
		const r = dryRun(scenario, { kind: 'chosen', choices: { [first!.id]: null } });
		expect(r.decisions.filter((d) => d.injectId === first!.id).every((d) => d.expired && d.optionId === null)).toBe(true);
		expect(r.decisions.filter((d) => d.injectId === second!.id).every((d) => d.optionId === bestOption(second!.decision!).id)).toBe(true);
	});

	it('neverReached is every inject that did not fire, and each fired once', () => {
		for (const r of [best, worst, none]) {
			const fired = firedIds(r);
			expect(new Set(fired).size).toBe(fired.length);
			expect(r.neverReached).toEqual(scenario.injects.map((i) => i.id).filter((id) => !fired.includes(id)));
			expect(r.fired.map((f) => f.at)).toEqual([...r.fired.map((f) => f.at)].sort((a, b) => a - b));
		}
		expect(best.neverReached.length).toBeGreaterThan(0);
	});

	it('lists the triggers that wait on the teams\u2019 own play (messages, intercepts, detections, hand-offs)', () => {
		const message = scenario.injects.find((i) => i.trigger && 'message' in i.trigger)!;
		const intercept = scenario.injects.find((i) => i.trigger && 'intercept' in i.trigger)!;
		expect(best.dependsOnPlay).toContainEqual({ injectId: message.id, reason: 'message', fired: false });
		expect(best.dependsOnPlay).toContainEqual({ injectId: intercept.id, reason: 'intercept', fired: false });
		for (const d of best.dependsOnPlay) expect(d.fired).toBe(firedIds(best).includes(d.injectId));
		const decisionOnly = best.dependsOnPlay.map((d) => d.injectId);
		for (const { branch } of decisionBranches(scenario)) expect(decisionOnly).not.toContain(branch.id);
	});

	it('is deterministic and plain JSON', () => {
		const again = dryRun(scenario, { kind: 'best' });
		expect(JSON.stringify(again)).toBe(JSON.stringify(best));
		expect(JSON.parse(JSON.stringify(worst))).toEqual(worst);
	});
});

describe('dryRun on a small scenario', () => {
	const withDecision = (expectedWithinMinutes: number, deadlineMinutes: number): Scenario => {
		const input = structuredClone(miniScenarioInput) as ScenarioInput;
		const withOne = input.injects.find((i) => i.decision)!;
		withOne.decision = { ...withOne.decision!, expectedWithinMinutes, deadlineMinutes };
		return scenarioSchema.parse(input);
	};

	it('answers a decision whose expected time is its deadline, before the deadline falls due', () => {
		const scenario = withDecision(10, 10);
		const id = scenario.injects.find((i) => i.decision)!.id;
		const r = dryRun(scenario, { kind: 'best' });
		expect(r.decisions.filter((d) => d.injectId === id).map((d) => d.expired)).toEqual(
			decidingTeams(scenario.injects.find((i) => i.id === id)!).map(() => false)
		);
	});

	it('leaves a decision released too near the end open, neither answered nor expired', () => {
		const input = structuredClone(miniScenarioInput) as ScenarioInput;
		const withOne = input.injects.find((i) => i.decision && i.at !== undefined)!;
		withOne.at = input.durationMinutes - 1;
		const scenario = scenarioSchema.parse(input);
		const r = dryRun(scenario, { kind: 'best' });
		const d = r.decisions.filter((x) => x.injectId === withOne.id);
		expect(d.length).toBeGreaterThan(0);
		expect(d.every((x) => x.openAtEnd && !x.expired && x.optionId === null)).toBe(true);
	});
});
