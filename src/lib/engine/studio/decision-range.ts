/**
 * What a decision can be worth (pure), for the studio's live preview while the planner writes the options: per
 * objective and in total, the best score an answer can earn (the best option, answered in time) and the worst (the
 * worst option answered at the deadline, when its points are halved but its losses are not — or no answer at all,
 * which earns nothing). The points come from the engine's own scoring (`score-decision.ts`), so the preview is what
 * play will give. It reads the draft's raw options: scores that are not numbers yet are left out, never a crash.
 */
import { MINUTE } from '../exercise/clock';
import { scoreDecision } from '../review/score-decision';
import type { Decision, DecisionOption } from '../scenario/schema';

export interface ObjectiveRange {
	objective: string;
	best: number;
	worst: number;
}

export interface DecisionRange {
	/** The objectives asked for, in their order, then any other objective an option scores (an unknown id). */
	objectives: ObjectiveRange[];
	/** The most one answer earns over all objectives, and which option (its index) earns it; null without options. */
	best: { total: number; option: number | null };
	/** The least one answer earns over all objectives: an option answered at the deadline, or no answer (`option: null`). */
	worst: { total: number; option: number | null };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An option of the draft as the scoring takes it: only numeric scores, a violation only when it names an objective and a penalty. */
function scorable(raw: unknown, index: number): DecisionOption {
	const o = isObject(raw) ? raw : {};
	const scores = Object.fromEntries(Object.entries(isObject(o.scores) ? o.scores : {}).filter((entry): entry is [string, number] => isNumber(entry[1])));
	const v = isObject(o.violation) ? o.violation : null;
	const violation =
		v && typeof v.objective === 'string' && isNumber(v.penalty) && v.penalty > 0
			? { rule: typeof v.rule === 'string' ? v.rule : '', objective: v.objective, penalty: v.penalty }
			: undefined;
	return { id: `option-${index}`, label: '', scores, ...(violation ? { violation } : {}) };
}

/** The best and worst score of a decision with these (raw) options, per objective and in total. */
export function decisionRange(rawOptions: unknown, objectiveIds: readonly string[]): DecisionRange {
	const options = (Array.isArray(rawOptions) ? rawOptions : []).map(scorable);
	// Timeliness runs from full credit at 1 minute to the late floor at 2: latency 0 is in time, 2 minutes is the deadline.
	const decision: Decision = { prompt: '', expectedWithinMinutes: 1, deadlineMinutes: 2, options };
	const inTime = options.map((o) => scoreDecision(decision, o.id, 0).points);
	const late = options.map((o) => scoreDecision(decision, o.id, 2 * MINUTE).points);

	const ids = [...objectiveIds];
	for (const points of inTime) for (const id of Object.keys(points)) if (!ids.includes(id)) ids.push(id);
	const objectives = ids.map((objective) => ({
		objective,
		best: inTime.length > 0 ? round1(Math.max(...inTime.map((p) => p[objective] ?? 0))) : 0,
		worst: round1(Math.min(0, ...late.map((p) => p[objective] ?? 0)))
	}));

	const total = (points: Record<string, number>) => round1(Object.values(points).reduce((sum, p) => sum + p, 0));
	let best: DecisionRange['best'] = { total: 0, option: null };
	inTime.forEach((p, i) => {
		if (best.option === null || total(p) > best.total) best = { total: total(p), option: i };
	});
	let worst: DecisionRange['worst'] = { total: 0, option: null };
	late.forEach((p, i) => {
		if (total(p) < worst.total) worst = { total: total(p), option: i };
	});
	return { objectives, best, worst };
}
