import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../tests/fixtures/load-scenario';
import { mselGraph, type GraphInput } from './msel-graph';
import { eventLane, layoutTimeline, teamLane, tickStep, UNREACHABLE_LANE, type LayoutOptions } from './msel-layout';

const O: LayoutOptions = {
	pxPerMinute: 10,
	left: 8,
	blockWidth: 100,
	markerWidth: 120,
	ghostWidth: 30,
	rowHeight: 50,
	tagHeight: 24,
	laneHead: 20,
	eventLaneHead: 4,
	lanePad: 6,
	gap: 4,
	right: 10
};
const decision = {
	prompt: 'p',
	deadlineMinutes: 10,
	expectedWithinMinutes: 5,
	options: [
		{ id: 'go', label: 'Go', scores: {} },
		{ id: 'no', label: 'No', scores: {} }
	]
};
const data: GraphInput = {
	durationMinutes: 60,
	teams: [{ id: 'cg' }, { id: 'police' }],
	entities: [{ id: 'boat', track: [{ at: 20 }] }],
	areas: [{ id: 'bay' }],
	injects: [
		{ id: 'tip', at: 0, to: ['cg', 'police'], decision: { ...decision, teams: ['police'] } },
		{ id: 'early', at: 5, to: ['police'] },
		{ id: 'late', at: 30, to: ['police'] },
		{ id: 'went', trigger: { decision: 'tip', option: 'go', delayMinutes: 2 }, to: ['cg'] },
		{ id: 'entered', trigger: { area: { entity: 'boat', area: 'bay', on: 'enter' } }, to: ['cg'], decision },
		{ id: 'after-entered', trigger: { decision: 'entered' }, to: ['police'] },
		{ id: 'broken', trigger: { decision: 'late' }, to: ['cg'] },
		{ id: 'nobody', at: 40, to: [] }
	]
};
const layout = layoutTimeline(mselGraph(data), ['cg', 'police'], O);
const item = (key: string) => layout.items.find((i) => i.key === key)!;

describe('the MSEL timeline layout', () => {
	it('puts a lane per team, then injects to no known team, play events and the never released, in that order', () => {
		const event = mselGraph(data).events[0]!.key;
		expect(layout.lanes.map((l) => l.key)).toEqual([teamLane('cg'), teamLane('police'), teamLane(null), eventLane(event), UNREACHABLE_LANE]);
		expect(layout.lanes.map((l) => l.kind)).toEqual(['team', 'team', 'none', 'event', 'unreachable']);
		// Lanes stack without gaps, each as tall as its rows.
		for (let i = 1; i < layout.lanes.length; i++) expect(layout.lanes[i]!.top).toBe(layout.lanes[i - 1]!.top + layout.lanes[i - 1]!.height);
		expect(layout.height).toBe(layout.lanes.at(-1)!.top + layout.lanes.at(-1)!.height);
	});

	it('places timed injects at their minute in the lead team’s lane, with a tag in the other addressees’ lanes', () => {
		// The tip-off goes to both teams; the police decide it, so it sits in their lane.
		expect(item('inject:0')).toMatchObject({ kind: 'block', lane: teamLane('police'), x: 8 });
		expect(item('ghost:0:cg')).toMatchObject({ kind: 'ghost', lane: teamLane('cg'), node: 'inject:0', x: 8, width: 30 });
		expect(item('inject:2')).toMatchObject({ lane: teamLane('police'), x: 8 + 300 });
		// The answer it hangs from plus 2 minutes.
		expect(item('inject:3')).toMatchObject({ lane: teamLane('cg'), x: 8 + 20 });
		expect(item('inject:7')).toMatchObject({ lane: teamLane(null), x: 8 + 400 });
	});

	it('moves what would overlap to a new row, and keeps rows apart', () => {
		// The block at 0 (100 px wide) and the one at 5 minutes (50 px later) overlap: two rows.
		expect([item('inject:0').row, item('inject:1').row]).toEqual([0, 1]);
		expect(item('inject:2').row).toBe(0);
		const police = layout.lanes.find((l) => l.key === teamLane('police'))!;
		expect(police.rows).toBe(2);
		expect(item('inject:1').y - item('inject:0').y).toBe(O.rowHeight);
		// In the coast guard's lane, the tag of the tip-off goes in a row of tags below the blocks.
		const cg = layout.lanes.find((l) => l.key === teamLane('cg'))!;
		expect(item('inject:3')).toMatchObject({ row: 0, y: cg.top + 20 });
		expect(item('ghost:0:cg')).toMatchObject({ row: 0, y: cg.top + 20 + 50 });
		expect(cg).toMatchObject({ rows: 2, height: 20 + 50 + 24 + 6 });
	});

	it('hangs play-event injects after their marker, and chains after their source', () => {
		const marker = layout.items.find((i) => i.kind === 'marker')!;
		expect(marker).toMatchObject({ x: 8 + 200, width: 120 });
		expect(item('inject:4')).toMatchObject({ x: marker.x + 120 + 4, lane: marker.lane });
		expect(item('inject:5')).toMatchObject({ x: item('inject:4').x + 100 + 4, lane: marker.lane, row: 0 });
		expect(layout.byNode.get(marker.node)).toBe(marker);
	});

	it('lists the never released side by side, and sizes the canvas to the planned end', () => {
		expect(item('inject:6')).toMatchObject({ lane: UNREACHABLE_LANE, x: 8, row: 0 });
		expect(layout.endMinute).toBe(60);
		expect(layout.width).toBe(8 + 600 + 100 + 10);
		expect(layout.items.filter((i) => i.kind !== 'ghost')).toHaveLength(8 + 1);
	});

	it('lays out both bundled scenarios with nothing overlapping in a row', () => {
		for (const file of ['scenarios/maritime-trafficking-southern-caribbean.yaml', 'scenarios/displacement-hurricane-dominica.yaml']) {
			const s = loadScenario(file);
			const l = layoutTimeline(
				mselGraph(s),
				s.teams.map((t) => t.id),
				O
			);
			expect(l.items.filter((i) => i.kind === 'block')).toHaveLength(s.injects.length);
			for (const a of l.items)
				for (const b of l.items)
					if (a !== b && a.lane === b.lane && a.y === b.y) expect(a.x + a.width + O.gap <= b.x || b.x + b.width + O.gap <= a.x).toBe(true);
			expect(l.lanes.filter((lane) => lane.kind === 'team')).toHaveLength(s.teams.length);
		}
	});

	it('steps the axis ticks to stay readable', () => {
		expect(tickStep(10)).toBe(10);
		expect(tickStep(2)).toBe(60);
		expect(tickStep(100)).toBe(1);
		expect(tickStep(0.01)).toBe(720);
	});
});
