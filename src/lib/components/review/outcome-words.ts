/**
 * The AAR's outcome figures and key moments in words (English for now; issue 12 moves them to catalogues). Shared
 * by the AAR page and its Word export, so both say the same thing.
 */
import type { KeyMoment, Outcomes } from '$lib/engine/review/aar-content';
import { formatClockMs } from '$lib/engine/exercise/time-format';
import type { Scenario } from '$lib/engine/scenario/schema';
import type { Waters } from '$lib/engine/sim/zones';

export interface FigureRow {
	label: string;
	value: string;
}

const n = (v: number) => v.toLocaleString('en');

export function outcomeRows(o: Outcomes): FigureRow[] {
	if (o.kind === 'displacement')
		return [
			{ label: 'People received ashore', value: n(o.received) },
			{ label: 'People screened', value: n(o.screened) },
			{ label: 'Waiting for screening', value: n(o.awaitingScreening) },
			{ label: 'People sheltered', value: n(o.sheltered) },
			{ label: 'Screened, without shelter', value: n(o.unsheltered) },
			{ label: 'Unaccompanied children found', value: n(o.unaccompaniedMinors) },
			{ label: 'Still at sea', value: n(o.atSea) },
			{ label: 'Boats landed', value: `${n(o.boatsLanded)} of ${n(o.boats)}` },
			{ label: 'Boats in distress', value: n(o.distressCalls) },
			{ label: 'Boats reached at sea', value: n(o.boatsReached) }
		];
	return [
		{ label: 'Suspect craft stopped (load seized)', value: `${n(o.seized)} of ${n(o.suspects.length)}` },
		{ label: 'Suspect craft detected', value: `${n(o.suspects.filter((s) => s.firstDetected).length)} of ${n(o.suspects.length)}` },
		{ label: 'Intercepts (all assets)', value: n(o.intercepts) },
		{ label: 'Stops in a territorial sea', value: n(o.interceptsByWaters.territorialSea) },
		{ label: 'Stops on the high seas', value: n(o.interceptsByWaters.highSeas) }
	];
}

export function watersWords(w: Waters): string {
	if (w.kind === 'territorial-sea') return `in the territorial sea of ${w.state} (${w.coastNm} nm off the coast)`;
	if (w.kind === 'land') return `on land (${w.state})`;
	return 'on the high seas';
}

const where = (p: readonly [number, number]) => `${Math.abs(p[1]).toFixed(2)}°${p[1] < 0 ? 'S' : 'N'} ${Math.abs(p[0]).toFixed(2)}°${p[0] < 0 ? 'W' : 'E'}`;

/** One sentence per suspect craft: seen first by whom, shadowed, stopped where and in whose waters, or never stopped. */
export function suspectLines(o: Extract<Outcomes, { kind: 'maritime-trafficking' }>, scenario: Scenario): string[] {
	const team = (id: string | null) => scenario.teams.find((t) => t.id === id)?.name ?? 'exercise control';
	const entity = (id: string) => scenario.entities.find((e) => e.id === id)?.name ?? 'an asset';
	return o.suspects.map((s) => {
		const parts = [
			s.firstDetected ? `first detected at ${formatClockMs(s.firstDetected.at)} by ${team(s.firstDetected.team)}` : 'never detected by a team’s sensors',
			s.shadowed ? `shadowed from ${formatClockMs(s.shadowed.at)} by ${entity(s.shadowed.assetId)}` : null,
			s.stopped
				? `stopped at ${formatClockMs(s.stopped.at)} by ${entity(s.stopped.assetId)} (${team(s.stopped.team)}) at ${where(s.stopped.point)}, ${watersWords(s.stopped.waters)}`
				: 'not stopped'
		].filter(Boolean);
		return `${s.name}: ${parts.join('; ')}.`;
	});
}

/** A key moment's caption. */
export function momentCaption(m: KeyMoment, scenario: Scenario): string {
	const team = scenario.teams.find((t) => t.id === m.team)?.name;
	const entity = scenario.entities.find((e) => e.id === m.entityId)?.name ?? '';
	const time = formatClockMs(m.at);
	switch (m.kind) {
		case 'detection':
			return `${time} — ${entity} first detected${team ? ` by ${team}` : ''}`;
		case 'intercept':
			return `${time} — ${entity} reached${team ? ` by ${team}` : ''}`;
		case 'distress':
			return `${time} — ${entity} in distress`;
		case 'landing':
			return `${time} — first landing: ${entity}`;
		case 'end':
			return `${time} — end of play`;
	}
}
