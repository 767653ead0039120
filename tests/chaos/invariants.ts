/**
 * What must hold after the chaos test, checked against the log as PostgreSQL has it: every acknowledged command's
 * events are in the log exactly once, seqs are 1..N, no inject was released twice, the exercise clock never ran
 * backwards nor faster than wall time (an outage may freeze it, never make it jump), and every client's view is the
 * fold of the log as its audience may see it.
 */
import { eventsForAudience, type Audience } from '../../src/lib/engine/exercise/audience';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { emptyExercise, evolve, foldEvents } from '../../src/lib/engine/exercise/state';

/** A command the server acknowledged: the seq it answered with and what the event there must be. */
export interface Acked {
	/** The seq the reply gave: the last of the command's events (a command may also trigger injects). */
	seq: number;
	what: string;
	/** Which of the command's events is the one it was sent for. */
	matches: (e: DomainEvent) => boolean;
}

/** The events one command stored: the run of events ending at `seq` with its wall time and actor. */
function batchEndingAt(log: readonly DomainEvent[], seq: number): DomainEvent[] {
	const last = log[seq - 1];
	if (!last) return [];
	let first = seq - 1;
	while (first > 0 && log[first - 1]!.wall === last.wall && log[first - 1]!.actor === last.actor) first--;
	return log.slice(first, seq);
}

export interface ClockFigures {
	/** Largest amount (exercise ms) by which the clock ran ahead of wall time × speed between two events. */
	maxAhead: number;
	/** Exercise time frozen by recoveries (the owner's downtime, not played), summed, in wall ms. */
	downtimeMs: number;
	recoveries: number;
	/** Latest a timed or triggered inject was released by the clock after it fell due, in exercise ms. */
	maxReleaseLateness: number;
}

/** How late (exercise ms) the clock may release a due inject before it counts as a timer that was not re-armed. */
export const OVERDUE_LIMIT_MS = 5 * 60_000;

/** Problems with one exercise's log; empty when it is sound. */
export function checkLog(label: string, log: readonly DomainEvent[], acked: readonly Acked[]): { problems: string[]; clock: ClockFigures } {
	const problems: string[] = [];
	log.forEach((e, i) => {
		if (e.seq !== i + 1) problems.push(`${label}: event ${i + 1} of the log has seq ${e.seq}`);
	});
	const claimed = new Map<number, string>();
	for (const a of acked) {
		const batch = batchEndingAt(log, a.seq);
		if (batch.length === 0) problems.push(`${label}: acknowledged ${a.what} (seq ${a.seq}) is not in the log`);
		else if (!batch.some(a.matches))
			problems.push(`${label}: acknowledged ${a.what} answered seq ${a.seq}, but the log has ${batch.map((e) => e.type).join(' + ')} there`);
		const copies = log.filter(a.matches).length;
		if (copies > 1) problems.push(`${label}: acknowledged ${a.what} is in the log ${copies} times`);
		const twice = claimed.get(a.seq);
		if (twice) problems.push(`${label}: seq ${a.seq} acknowledged for both ${twice} and ${a.what}`);
		claimed.set(a.seq, a.what);
	}
	const releases = new Map<string, number[]>();
	for (const e of log) if (e.type === 'inject.released') releases.set(e.injectId, [...(releases.get(e.injectId) ?? []), e.seq]);
	for (const [id, seqs] of releases) if (seqs.length > 1) problems.push(`${label}: inject ${id} released ${seqs.length} times (seqs ${seqs.join(', ')})`);
	const decided = new Map<string, number>();
	for (const e of log) if (e.type === 'decision.submitted') decided.set(`${e.injectId}/${e.team}`, (decided.get(`${e.injectId}/${e.team}`) ?? 0) + 1);
	for (const [key, n] of decided) if (n > 1) problems.push(`${label}: decision ${key} submitted ${n} times`);

	// The clock: exercise time never decreases, and between two events it advances at most speed × wall time.
	const clock: ClockFigures = { maxAhead: 0, downtimeMs: 0, recoveries: 0, maxReleaseLateness: 0 };
	let state = emptyExercise(log[0]?.exerciseId ?? '');
	let prev: DomainEvent | null = null;
	for (const e of log) {
		if (prev) {
			if (e.at < prev.at) problems.push(`${label}: exercise time went back from ${prev.at} (seq ${prev.seq}) to ${e.at} (seq ${e.seq})`);
			const allowed = state.clock.running ? Math.max(0, e.wall - prev.wall) * state.clock.speed : 0;
			const ahead = e.at - prev.at - allowed;
			clock.maxAhead = Math.max(clock.maxAhead, ahead);
			// One ms of wall rounding per event at most.
			if (ahead > state.clock.speed + 1)
				problems.push(
					`${label}: exercise time jumped ${e.at - prev.at} ms between seq ${prev.seq} and ${e.seq}, ${Math.round(ahead)} ms more than the clock allows`
				);
		}
		if (e.type === 'inject.released' && !e.manual) {
			const due = state.injects[e.injectId]?.dueAt;
			if (due !== null && due !== undefined) clock.maxReleaseLateness = Math.max(clock.maxReleaseLateness, e.at - due);
		}
		if (e.type === 'exercise.recovered') {
			clock.recoveries++;
			clock.downtimeMs += e.downtimeMs;
		}
		state = evolve(state, e);
		prev = e;
	}
	// Timers re-armed after every fault: nothing the clock should have released is left waiting far past its time.
	const end = log.at(-1)?.at ?? 0;
	for (const i of Object.values(state.injects))
		if (i.status === 'pending' && i.dueAt !== null && end - i.dueAt > OVERDUE_LIMIT_MS)
			problems.push(`${label}: inject ${i.id} fell due at ${i.dueAt} ms and was still not released at ${end} ms (its timer was not re-armed)`);
	return { problems, clock };
}

/** JSON with object keys sorted, so two folds built from differently ordered JSON compare equal. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_k, v) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.keys(v)
						.sort()
						.map((k) => [k, (v as Record<string, unknown>)[k]])
				)
			: v
	);
}

/** The first place two JSON-like values differ, as a path and both values (shortened). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
	if (canonical(a) === canonical(b)) return null;
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
		for (const k of keys) {
			const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
			if (d) return d;
		}
	}
	const short = (v: unknown) => (canonical(v) ?? 'undefined').slice(0, 160);
	return `${path}: client has ${short(a)}, log gives ${short(b)}`;
}

/** Whether a client's view equals the fold of the log for its audience; the first difference when it does not. */
export function compareView(name: string, received: readonly DomainEvent[], log: readonly DomainEvent[], audience: Audience): string | null {
	const want = eventsForAudience(log, audience);
	const have = received.map((e) => e.seq);
	const wantSeqs = want.map((e) => e.seq);
	if (have.join() !== wantSeqs.join()) {
		const missing = wantSeqs.filter((s) => !have.includes(s));
		const extra = have.filter((s) => !wantSeqs.includes(s));
		const dup = have.filter((s, i) => have.indexOf(s) !== i);
		const what = (seqs: number[]) =>
			seqs
				.slice(0, 8)
				.map((s) => `${s} ${log[s - 1]?.type ?? '?'}`)
				.join(', ');
		return `${name}: events differ from the log: missing [${what(missing)}]${missing.length > 8 ? ` (+${missing.length - 8})` : ''}, unexpected [${what(extra)}], repeated [${dup.join(', ')}]`;
	}
	const id = log[0]?.exerciseId ?? '';
	const d = firstDifference(foldEvents(id, received), foldEvents(id, want));
	return d ? `${name}: folded state differs from the log's: ${d}` : null;
}
