/**
 * The checks a scenario needs beyond the shape of each field: ids that must be
 * unique, references (teams, objectives, entities, areas, injects, options)
 * that must exist, values that contradict each other, times after the
 * scenario ends, and injects whose trigger chain can never start. The
 * scenario schema runs it once the fields themselves are valid, so every
 * problem is reported with the path of the field it is about.
 */
import type { z } from 'zod';
import type { ProblemCode, ProblemParams, ReferenceKind } from './problem-codes';
import type { Scenario } from './schema';
import { EXERCISE_CONTROL } from './vocabulary';
import { isAsset } from './kinds';

export function checkCrossReferences(s: Scenario, ctx: z.RefinementCtx<Scenario>): void {
	const teamIds = new Set(s.teams.map((t) => t.id));
	const objectiveIds = new Set(s.objectives.map((o) => o.id));
	const entityIds = new Set(s.entities.map((e) => e.id));
	/** A problem with its code and params (zod keeps a custom issue's `params`; `problem-codes.ts` reads them). */
	const issue = (path: (string | number)[], code: ProblemCode, message: string, params: ProblemParams = {}) =>
		ctx.addIssue({ code: 'custom', path, message, params: { ...params, code } });
	const unique = (list: { id: string }[], key: string) => {
		const seen = new Set<string>();
		list.forEach((item, i) => {
			if (seen.has(item.id)) issue([key, i, 'id'], 'duplicate-id', `duplicate id "${item.id}"`, { value: item.id });
			seen.add(item.id);
		});
	};
	unique(s.teams, 'teams');
	s.teams.forEach((t, i) => {
		if (t.id === EXERCISE_CONTROL)
			issue(['teams', i, 'id'], 'reserved-id', `"${EXERCISE_CONTROL}" is reserved for messages to exercise control`, { value: EXERCISE_CONTROL });
	});
	unique(s.objectives, 'objectives');
	unique(s.entities, 'entities');
	unique(s.injects, 'injects');
	unique(s.areas, 'areas');
	const areaIds = new Set(s.areas.map((a) => a.id));
	s.areas.forEach((a, i) => {
		if ((a.polygon === undefined) === (a.circle === undefined))
			issue(['areas', i], 'needs-one-of', 'needs exactly one of "polygon" or "circle"', { fields: 'polygon, circle' });
	});
	const known = (set: Set<string>, what: ReferenceKind, value: string, path: (string | number)[]) => {
		if (!set.has(value)) issue(path, 'unknown-ref', `unknown ${what} "${value}"`, { what, value });
	};

	const entityById = new Map(s.entities.map((e) => [e.id, e]));
	s.entities.forEach((e, i) => {
		if (e.team) known(teamIds, 'team', e.team, ['entities', i, 'team']);
		// Fields on the wrong kind of entity are refused by the schema itself (each kind is its own object).
		// A law-enforcement or military craft with a speed is meant to be tasked, which needs its team; any other craft's
		// speed is only its top speed (a go-fast's, which the studio checks its legs against).
		if (isAsset(e) && e.speedKnots !== undefined && !e.team && (e.category === 'law-enforcement' || e.category === 'military'))
			issue(['entities', i, 'team'], 'asset-needs-team', 'only a team\'s asset can be tasked: set "team"');
		if (e.kind === 'boat') {
			if (e.people && e.people.minors > e.people.total) issue(['entities', i, 'people', 'minors'], 'more-minors-than-people', 'more minors than people aboard');
			if (e.people && e.people.unaccompaniedMinors > e.people.minors)
				issue(['entities', i, 'people', 'unaccompaniedMinors'], 'more-unaccompanied-than-minors', 'more unaccompanied minors than minors');
			if (e.people && !s.displacement) issue(['entities', i, 'people'], 'needs-displacement', 'boats with people need a "displacement" block in the scenario');
			if (e.distressAt !== undefined && e.distressAt > s.durationMinutes)
				issue(['entities', i, 'distressAt'], 'after-end', `after the scenario ends (${s.durationMinutes} min)`, { minutes: s.durationMinutes });
			if (e.people && !e.destination) issue(['entities', i, 'destination'], 'needs-destination', 'a boat with people needs a destination port');
			if (e.destination) {
				const port = entityById.get(e.destination);
				if (!port) known(entityIds, 'entity', e.destination, ['entities', i, 'destination']);
				else if (port.kind !== 'port')
					issue(['entities', i, 'destination'], 'not-a-port', `"${e.destination}" is a ${port.kind}, not a port`, { value: e.destination, kind: port.kind });
			}
		}
		if ((e.kind === 'port' || e.kind === 'shelter') && s.displacement) {
			if (e.capacity === undefined)
				issue(['entities', i, 'capacity'], 'needs-capacity', `a ${e.kind} needs a capacity in a displacement scenario`, { kind: e.kind });
			if (!e.state) issue(['entities', i, 'state'], 'needs-state', `a ${e.kind} needs the member state it is in`, { kind: e.kind });
		}
		if (e.maxStaff !== undefined && e.staff > e.maxStaff)
			issue(['entities', i, 'staff'], 'over-max-staff', `more than maxStaff (${e.maxStaff})`, { max: e.maxStaff });
		e.track.forEach((p, j) => {
			const before = e.track[j - 1];
			if (before && p.at <= before.at) issue(['entities', i, 'track', j, 'at'], 'track-order', 'track times must increase', { before: before.at });
			if (p.at > s.durationMinutes)
				issue(['entities', i, 'track', j, 'at'], 'after-end', `after the scenario ends (${s.durationMinutes} min)`, { minutes: s.durationMinutes });
		});
	});
	s.injects.forEach((inj, i) => {
		if (inj.at !== undefined && inj.at > s.durationMinutes)
			issue(['injects', i, 'at'], 'after-end', `after the scenario ends (${s.durationMinutes} min)`, { minutes: s.durationMinutes });
		if ((inj.at === undefined) === (inj.trigger === undefined))
			issue(['injects', i], 'needs-one-of', 'needs exactly one of "at" (a release time) or "trigger"', { fields: 'at, trigger' });
		const t = inj.trigger;
		if (t) {
			const path = ['injects', i, 'trigger'];
			const watched = 'decision' in t ? t.decision : 'missed' in t ? t.missed : null;
			if (watched !== null) {
				const target = s.injects.find((x) => x.id === watched);
				if (!target)
					issue([...path, 'decision' in t ? 'decision' : 'missed'], 'unknown-ref', `trigger on a missing inject "${watched}"`, {
						what: 'inject',
						value: watched
					});
				else if ('decision' in t && !target.decision)
					issue([...path, 'decision'], 'no-decision', `inject "${watched}" has no decision to watch`, { inject: watched });
				else if ('missed' in t && !target.decision && target.shareWith.length === 0)
					issue([...path, 'missed'], 'nothing-to-miss', `inject "${watched}" has no decision or hand-off that could be missed`, { inject: watched });
				else if ('decision' in t && t.option && !target.decision!.options.some((o) => o.id === t.option))
					issue([...path, 'option'], 'unknown-ref', `inject "${watched}" has no option "${t.option}"`, { what: 'option', value: t.option, inject: watched });
				if (watched === inj.id) issue(path, 'self-trigger', 'an inject cannot trigger itself');
			}
			if ('team' in t && t.team) known(teamIds, 'team', t.team, [...path, 'team']);
			const entity = (value: string, p: string[]) => known(entityIds, 'entity', value, [...path, ...p]);
			if ('area' in t) {
				entity(t.area.entity, ['area', 'entity']);
				known(areaIds, 'area', t.area.area, [...path, 'area', 'area']);
			}
			if ('intercept' in t) {
				entity(t.intercept.target, ['intercept', 'target']);
				if (t.intercept.team) known(teamIds, 'team', t.intercept.team, [...path, 'intercept', 'team']);
			}
			if ('detected' in t) {
				entity(t.detected.contact, ['detected', 'contact']);
				if (t.detected.team) known(teamIds, 'team', t.detected.team, [...path, 'detected', 'team']);
			}
			if ('alert' in t && t.alert.entity) entity(t.alert.entity, ['alert', 'entity']);
			if ('message' in t) {
				known(teamIds, 'team', t.message.from, [...path, 'message', 'from']);
				if (t.message.to && t.message.to !== EXERCISE_CONTROL) known(teamIds, 'team', t.message.to, [...path, 'message', 'to']);
			}
		}
		inj.to.forEach((t, j) => known(teamIds, 'team', t, ['injects', i, 'to', j]));
		inj.objectives.forEach((o, j) => known(objectiveIds, 'objective', o, ['injects', i, 'objectives', j]));
		inj.reveals.forEach((e, j) => known(entityIds, 'entity', e, ['injects', i, 'reveals', j]));
		inj.shareWith.forEach((s, j) => {
			known(teamIds, 'team', s.team, ['injects', i, 'shareWith', j, 'team']);
			known(objectiveIds, 'objective', s.objective, ['injects', i, 'shareWith', j, 'objective']);
			if (inj.to.includes(s.team))
				issue(['injects', i, 'shareWith', j, 'team'], 'already-receives', `team "${s.team}" already receives this inject`, { team: s.team });
		});
		const d = inj.decision;
		if (!d) return;
		if (d.deadlineMinutes < d.expectedWithinMinutes)
			issue(['injects', i, 'decision', 'deadlineMinutes'], 'deadline-before-expected', 'must not be before expectedWithinMinutes', {
				expected: d.expectedWithinMinutes
			});
		d.teams?.forEach((t, j) => {
			known(teamIds, 'team', t, ['injects', i, 'decision', 'teams', j]);
			if (!inj.to.includes(t))
				issue(['injects', i, 'decision', 'teams', j], 'decider-not-addressed', `team "${t}" must also be in the inject's "to"`, { team: t });
		});
		const optionIds = new Set<string>();
		d.options.forEach((o, j) => {
			if (optionIds.has(o.id)) issue(['injects', i, 'decision', 'options', j, 'id'], 'duplicate-id', `duplicate option id "${o.id}"`, { value: o.id });
			optionIds.add(o.id);
			for (const key of Object.keys(o.scores)) known(objectiveIds, 'objective', key, ['injects', i, 'decision', 'options', j, 'scores', key]);
			if (o.violation) known(objectiveIds, 'objective', o.violation.objective, ['injects', i, 'decision', 'options', j, 'violation', 'objective']);
		});
		if (!d.options.some((o) => Object.values(o.scores).some((v) => v > 0)))
			issue(['injects', i, 'decision', 'options'], 'no-points', 'no option earns any points');
	});
	// Every inject must be reachable: timed, or triggered (through a chain) by something timed.
	const byId = new Map(s.injects.map((inj) => [inj.id, inj]));
	const reachable = new Set<string>();
	for (let changed = true; changed;) {
		changed = false;
		for (const inj of s.injects) {
			if (reachable.has(inj.id)) continue;
			const t = inj.trigger;
			const watched = !t ? null : 'decision' in t ? t.decision : 'missed' in t ? t.missed : undefined;
			if (inj.at !== undefined || watched === undefined || (watched !== null && reachable.has(watched) && byId.has(watched))) {
				reachable.add(inj.id);
				changed = true;
			}
		}
	}
	s.injects.forEach((inj, i) => {
		if (!reachable.has(inj.id) && inj.trigger)
			issue(['injects', i, 'trigger'], 'unreachable', 'unreachable: its trigger chain never starts from a timed inject');
	});
}
