/**
 * The displacement model (pure, deterministic): boats land people at ports;
 * open ports screen them at staff × `screeningPerStaffHour`; screened people
 * go to open shelters in the same member state, filling them in scenario
 * order; whoever has no place is unsheltered until a place opens.
 *
 * - Time runs in whole exercise minutes from 0; screening keeps its fractional
 *   carry (1 officer at 12/h screens one person every 5 minutes), and a port
 *   with nobody waiting banks no screening for later.
 * - A closed port screens nobody (boats still land and people wait there); a
 *   closed shelter takes nobody new (people already in it stay).
 * - A port is over capacity when more people wait there than its capacity; a
 *   shelter when it is full while screened people in its state have no place.
 * - Unaccompanied minors count as found when their boat lands.
 */
import { MINUTE } from '../exercise/clock';
import type { Entity } from '../scenario/schema';

export interface FacilityChange {
	entityId: string;
	/** Exercise ms. */
	at: number;
	open: boolean;
	staff: number;
}

export interface Arrival {
	boatId: string;
	portId: string;
	/** Exercise ms when the boat lands. */
	at: number;
	people: { total: number; minors: number; unaccompaniedMinors: number };
}

export interface DisplacementInput {
	/** Ports and shelters, in scenario order. */
	facilities: Entity[];
	arrivals: Arrival[];
	/** Boats not landed at the time asked. */
	atSea: { boatId: string; people: number; distress: boolean }[];
	/** In time order. */
	changes: FacilityChange[];
	screeningPerStaffHour: number;
}

export interface FacilityPicture {
	id: string;
	kind: 'port' | 'shelter';
	state: string;
	open: boolean;
	staff: number;
	capacity: number;
	/** People waiting at a port, or housed in a shelter. */
	occupancy: number;
	/** Ports: everyone screened there so far. */
	screened: number;
	overCapacity: boolean;
}

export interface StateCounts {
	received: number;
	awaitingScreening: number;
	sheltered: number;
	unsheltered: number;
	shelterCapacity: number;
}

export interface DisplacementPicture {
	at: number;
	totals: {
		atSea: number;
		inDistress: number;
		received: number;
		awaitingScreening: number;
		screened: number;
		sheltered: number;
		unsheltered: number;
		unaccompaniedMinors: number;
	};
	byState: Record<string, StateCounts>;
	facilities: FacilityPicture[];
}

interface Live {
	entity: Entity;
	kind: 'port' | 'shelter';
	state: string;
	open: boolean;
	staff: number;
	capacity: number;
	occupancy: number;
	screened: number;
	carry: number;
}

/** The model stepped minute by minute; `picture` reads it at any moment. */
class Simulation {
	private readonly live: Live[];
	private readonly byId: Map<string, Live>;
	private readonly arrivals: Arrival[];
	private readonly changes: FacilityChange[];
	private nextArrival = 0;
	private nextChange = 0;
	private minute = -1;
	/** Screened people without a shelter place, by state. */
	private readonly waitingForShelter = new Map<string, number>();
	private received = 0;
	private minors = 0;
	private readonly receivedByState = new Map<string, number>();

	constructor(private readonly input: DisplacementInput) {
		this.live = input.facilities
			.filter((e): e is Entity & { kind: 'port' | 'shelter' } => e.kind === 'port' || e.kind === 'shelter')
			.map((e) => ({
				entity: e,
				kind: e.kind,
				state: e.state ?? '',
				open: e.open,
				staff: e.staff,
				capacity: e.capacity ?? 0,
				occupancy: 0,
				screened: 0,
				carry: 0
			}));
		this.byId = new Map(this.live.map((f) => [f.entity.id, f]));
		this.arrivals = [...input.arrivals].sort((a, b) => a.at - b.at);
		this.changes = [...input.changes].sort((a, b) => a.at - b.at);
	}

	/** Lands boats and applies facility changes up to `atMs` (inclusive). */
	private absorb(atMs: number) {
		for (;;) {
			const c = this.changes[this.nextChange];
			if (c === undefined || c.at > atMs) break;
			this.nextChange++;
			const f = this.byId.get(c.entityId);
			if (f) {
				f.open = c.open;
				f.staff = c.staff;
			}
		}
		for (;;) {
			const a = this.arrivals[this.nextArrival];
			if (a === undefined || a.at > atMs) break;
			this.nextArrival++;
			const port = this.byId.get(a.portId);
			if (!port) continue;
			port.occupancy += a.people.total;
			this.received += a.people.total;
			this.minors += a.people.unaccompaniedMinors;
			this.receivedByState.set(port.state, (this.receivedByState.get(port.state) ?? 0) + a.people.total);
		}
	}

	/** Screening and sheltering during one minute. */
	private step() {
		const perMinute = this.input.screeningPerStaffHour / 60;
		for (const port of this.live) {
			if (port.kind !== 'port') continue;
			if (!port.open || port.staff === 0 || port.occupancy === 0) {
				port.carry = 0;
				continue;
			}
			port.carry += port.staff * perMinute;
			const screened = Math.min(port.occupancy, Math.floor(port.carry + 1e-9));
			port.carry -= screened;
			if (screened === port.occupancy) port.carry = 0;
			port.occupancy -= screened;
			port.screened += screened;
			this.waitingForShelter.set(port.state, (this.waitingForShelter.get(port.state) ?? 0) + screened);
		}
		for (const shelter of this.live) {
			if (shelter.kind !== 'shelter' || !shelter.open) continue;
			const waiting = this.waitingForShelter.get(shelter.state) ?? 0;
			const placed = Math.min(waiting, Math.max(0, shelter.capacity - shelter.occupancy));
			if (placed === 0) continue;
			shelter.occupancy += placed;
			this.waitingForShelter.set(shelter.state, waiting - placed);
		}
	}

	/** Advances to exercise time `atMs`: whole minutes of screening, and everything that landed by then. */
	advanceTo(atMs: number) {
		const lastMinute = Math.floor(atMs / MINUTE);
		while (this.minute < lastMinute) {
			this.minute++;
			this.absorb(this.minute * MINUTE);
			if (this.minute > 0) this.step();
		}
		this.absorb(atMs);
	}

	picture(atMs: number): DisplacementPicture {
		const byState: Record<string, StateCounts> = {};
		const counts = (state: string) =>
			(byState[state] ??= {
				received: this.receivedByState.get(state) ?? 0,
				awaitingScreening: 0,
				sheltered: 0,
				unsheltered: this.waitingForShelter.get(state) ?? 0,
				shelterCapacity: 0
			});
		let awaiting = 0;
		let sheltered = 0;
		let screened = 0;
		const facilities = this.live.map((f): FacilityPicture => {
			const s = counts(f.state);
			if (f.kind === 'port') {
				awaiting += f.occupancy;
				screened += f.screened;
				s.awaitingScreening += f.occupancy;
			} else {
				sheltered += f.occupancy;
				s.sheltered += f.occupancy;
				if (f.open) s.shelterCapacity += f.capacity;
			}
			const overCapacity = f.kind === 'port' ? f.occupancy > f.capacity : f.occupancy >= f.capacity && (this.waitingForShelter.get(f.state) ?? 0) > 0;
			return {
				id: f.entity.id,
				kind: f.kind,
				state: f.state,
				open: f.open,
				staff: f.staff,
				capacity: f.capacity,
				occupancy: f.occupancy,
				screened: f.screened,
				overCapacity
			};
		});
		const unsheltered = [...this.waitingForShelter.values()].reduce((a, b) => a + b, 0);
		return {
			at: atMs,
			totals: {
				atSea: this.input.atSea.reduce((sum, b) => sum + b.people, 0),
				inDistress: this.input.atSea.reduce((sum, b) => sum + (b.distress ? b.people : 0), 0),
				received: this.received,
				awaitingScreening: awaiting,
				screened,
				sheltered,
				unsheltered,
				unaccompaniedMinors: this.minors
			},
			byState,
			facilities
		};
	}
}

export function displacementAt(input: DisplacementInput, atMs: number): DisplacementPicture {
	const sim = new Simulation(input);
	sim.advanceTo(atMs);
	return sim.picture(atMs);
}

/** Pictures every `stepMs` from 0 to `untilMs`, in one pass. */
export function displacementSeries(input: DisplacementInput, untilMs: number, stepMs: number): DisplacementPicture[] {
	const sim = new Simulation(input);
	const out: DisplacementPicture[] = [];
	for (let at = 0; at <= untilMs; at += stepMs) {
		sim.advanceTo(at);
		out.push(sim.picture(at));
	}
	return out;
}
