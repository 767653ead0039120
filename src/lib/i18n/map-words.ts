/**
 * The map's words for what the engine's map picture says as data (src/lib/engine/sim/map-picture.ts): the status
 * under an entity's name (a facility's load, an asset's order, when a lost contact was last held), and the names of
 * states and places in the reader's language (./place-names.ts).
 */
import type { EntityStatus } from '$lib/engine/sim/map-picture';
import { formatHhmmFromMinutes } from '$lib/engine/exercise/time-format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatNumber } from './format';
import { placeName } from './place-names';

const ORDER: Record<Extract<EntityStatus, { kind: 'order' }>['order'], () => string> = {
	goto: m.map_order_goto,
	patrol: m.map_order_patrol,
	intercept: m.map_order_intercept,
	hold: m.map_order_hold
};

/** "3/50 waiting", "closed · 3/50", "on patrol", "last held 01:31": the short line under an entity's name. */
export function entityStatusWords(status: EntityStatus): string {
	switch (status.kind) {
		case 'facility': {
			const numbers = { occupancy: formatNumber(status.occupancy), capacity: formatNumber(status.capacity) };
			if (status.facility === 'port') return status.open ? m.map_status_port(numbers) : m.map_status_port_closed(numbers);
			return status.open ? `${numbers.occupancy}/${numbers.capacity}` : m.map_status_shelter_closed(numbers);
		}
		case 'order':
			return ORDER[status.order]();
		case 'lost':
			return m.map_status_last_held({ time: formatHhmmFromMinutes(status.at / 60_000) });
	}
}

/** A state's or place's name as the reader writes it ("Trinité-et-Tobago"), or as given. */
export const placeWord = (name: string): string => placeName(name, getLocale());
