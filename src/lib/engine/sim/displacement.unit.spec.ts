import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../tests/fixtures/seeded-random';
import { MINUTE } from '../exercise/clock';
import { displacementAt, displacementSeries, type Arrival, type DisplacementInput, type FacilityChange } from './displacement';
import { entitySchema, type Entity } from '../scenario/schema';

const facility = (id: string, kind: 'port' | 'shelter', state: string, capacity: number, more: Record<string, unknown> = {}): Entity =>
	entitySchema.parse({ id, name: id, kind, category: 'facility', state, capacity, track: [{ at: 0, position: [-59.6, 13.1] }], ...more });
const arrival = (boatId: string, portId: string, minute: number, total: number, unaccompaniedMinors = 0): Arrival => ({
	boatId,
	portId,
	at: minute * MINUTE,
	people: { total, minors: unaccompaniedMinors, unaccompaniedMinors }
});

/** Bridgetown screens at 2 officers × 12/h; two Barbados shelters (100, 80); one Antigua port and shelter. */
function barbados(
	changes: FacilityChange[] = [],
	arrivals = [arrival('b1', 'bridgetown', 10, 60, 3), arrival('b2', 'bridgetown', 20, 90), arrival('b3', 'st-johns', 15, 120)]
): DisplacementInput {
	return {
		facilities: [
			facility('bridgetown', 'port', 'Barbados', 150, { staff: 2 }),
			facility('shelter-a', 'shelter', 'Barbados', 100),
			facility('shelter-b', 'shelter', 'Barbados', 80),
			facility('st-johns', 'port', 'Antigua and Barbuda', 100, { staff: 6 }),
			facility('antigua-shelter', 'shelter', 'Antigua and Barbuda', 500, { open: false })
		],
		arrivals,
		atSea: [
			{ boatId: 'b4', people: 40, distress: true },
			{ boatId: 'b5', people: 25, distress: false }
		],
		changes,
		screeningPerStaffHour: 12
	};
}
const fac = (p: ReturnType<typeof displacementAt>, id: string) => p.facilities.find((f) => f.id === id)!;

describe('displacement model', () => {
	it('counts people received, at sea and in distress, and the unaccompanied children landed', () => {
		const p = displacementAt(barbados(), 30 * MINUTE);
		expect(p.totals).toMatchObject({ received: 270, atSea: 65, inDistress: 40, unaccompaniedMinors: 3 });
		expect(p.byState.Barbados.received).toBe(150);
		expect(p.byState['Antigua and Barbuda'].received).toBe(120);
		expect(displacementAt(barbados(), 12 * MINUTE).totals.received).toBe(60);
	});

	it('screens at staff × rate per hour with the fraction carried over', () => {
		// 2 officers × 12/h = 24/h: one person every 2.5 minutes from minute 10.
		const p = displacementAt(barbados(), 70 * MINUTE);
		expect(fac(p, 'bridgetown').screened).toBe(24);
		expect(displacementAt(barbados(), 15 * MINUTE).facilities[0].screened).toBe(2);
		expect(fac(p, 'bridgetown').occupancy).toBe(150 - 24);
	});

	it('fills shelters in order, then leaves screened people without shelter', () => {
		// Antigua: 6 × 12/h = 72/h; its only shelter is closed until minute 60, then holds 500.
		const before = displacementAt(barbados(), 59 * MINUTE).byState['Antigua and Barbuda'];
		expect(before.sheltered).toBe(0);
		expect(before.unsheltered).toBeGreaterThan(40);
		const opened = displacementAt(barbados([{ entityId: 'antigua-shelter', at: 60 * MINUTE, open: true, staff: 4 }]), 61 * MINUTE).byState[
			'Antigua and Barbuda'
		];
		expect(opened.unsheltered).toBe(0);
		expect(opened.sheltered).toBeGreaterThan(40);
		// Barbados with many officers: 150 screened fast, shelter A (100) fills before B.
		const fast = displacementAt(barbados([{ entityId: 'bridgetown', at: 0, open: true, staff: 60 }]), 40 * MINUTE);
		expect(fac(fast, 'shelter-a').occupancy).toBe(100);
		expect(fac(fast, 'shelter-b').occupancy).toBe(50);
		const full = displacementAt(barbados([{ entityId: 'bridgetown', at: 0, open: true, staff: 60 }], [arrival('big', 'bridgetown', 5, 200)]), 40 * MINUTE);
		expect(full.byState.Barbados).toMatchObject({ sheltered: 180, unsheltered: 20, shelterCapacity: 180 });
		expect(fac(full, 'shelter-b').overCapacity).toBe(true);
	});

	it('a closed port screens nobody; more staff screens faster; a closed shelter takes nobody new', () => {
		const closed = displacementAt(barbados([{ entityId: 'bridgetown', at: 0, open: false, staff: 2 }]), 60 * MINUTE);
		expect(fac(closed, 'bridgetown')).toMatchObject({ screened: 0, occupancy: 150, open: false });
		const more = displacementAt(barbados([{ entityId: 'bridgetown', at: 30 * MINUTE, open: true, staff: 10 }]), 60 * MINUTE);
		// 20 minutes (10..29) at 0.4 a minute, then 31 minutes (30..60) at 2 a minute.
		expect(fac(more, 'bridgetown').screened).toBe(8 + 62);
		const shut = displacementAt(
			barbados([
				{ entityId: 'bridgetown', at: 0, open: true, staff: 60 },
				{ entityId: 'shelter-a', at: 0, open: false, staff: 0 }
			]),
			40 * MINUTE
		);
		expect(fac(shut, 'shelter-a').occupancy).toBe(0);
		expect(fac(shut, 'shelter-b').occupancy).toBe(80);
	});

	it('flags a port over capacity when more wait than it holds', () => {
		const p = displacementAt(barbados([], [arrival('b1', 'bridgetown', 1, 120), arrival('b2', 'bridgetown', 2, 60)]), 3 * MINUTE);
		expect(fac(p, 'bridgetown').overCapacity).toBe(true);
		expect(fac(displacementAt(barbados(), 11 * MINUTE), 'bridgetown').overCapacity).toBe(false);
	});

	it("never sends people screened in one state to another state's shelters", () => {
		const p = displacementAt(barbados([{ entityId: 'st-johns', at: 0, open: true, staff: 50 }]), 60 * MINUTE);
		expect(p.byState['Antigua and Barbuda'].unsheltered).toBe(120);
		expect(p.byState.Barbados.unsheltered).toBe(0);
	});

	it('gives the same pictures in a series as one at a time, and conserves people on random inputs', () => {
		const rng = new Rng(2026);
		for (let round = 0; round < 30; round++) {
			const ports = ['bridgetown', 'st-johns'];
			const arrivals = Array.from({ length: 1 + rng.int(8) }, (_, i) => arrival(`b${i}`, rng.pick(ports), rng.int(120), 1 + rng.int(150), rng.int(3)));
			const changes = Array.from({ length: rng.int(6) }, () => ({
				entityId: rng.pick(['bridgetown', 'st-johns', 'shelter-a', 'shelter-b', 'antigua-shelter']),
				at: rng.int(120) * MINUTE,
				open: rng.chance(0.7),
				staff: rng.int(8)
			})).sort((a, b) => a.at - b.at);
			const input = barbados(changes, arrivals);
			const series = displacementSeries(input, 120 * MINUTE, 10 * MINUTE);
			for (const p of series) {
				expect(p).toEqual(displacementAt(input, p.at));
				const t = p.totals;
				expect(t.received).toBe(t.awaitingScreening + t.screened);
				expect(t.screened).toBe(t.sheltered + t.unsheltered);
			}
		}
	});
});
