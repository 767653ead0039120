/**
 * A simulation alert in the reader's language: a boat's mayday, an asset out of endurance, unaccompanied children
 * found on landing, a port or shelter over capacity. Worded from the alert's type and facts (names from the
 * scenario the view holds, already in the reader's language); an alert stored before facts existed is shown with
 * the English detail it carries.
 */
import type { DomainEvent } from '$lib/engine/exercise/events';
import { m } from '$lib/paraglide/messages';
import { formatNumber, formatPosition } from './format';

type Alert = Extract<DomainEvent, { type: 'simulation.alert' }>;

/** `nameOf(id)`: an entity's name for the reader (their scenario copy), or null when unknown. */
export function alertText(alert: Alert, nameOf: (id: string) => string | null, locale?: string): string {
	const o = locale ? { locale: locale as never } : undefined;
	const f = alert.facts;
	const name = nameOf(alert.entityId) ?? alert.entityId;
	if (!f && alert.alert !== 'out-of-endurance') return alert.detail;
	switch (alert.alert) {
		case 'distress':
			return f?.position && f.people !== undefined
				? m.alert_distress_people({ boat: name, position: formatPosition(f.position, locale), count: f.people, people: formatNumber(f.people, {}, locale) }, o)
				: f?.position
					? m.alert_distress({ boat: name, position: formatPosition(f.position, locale) }, o)
					: alert.detail;
		case 'out-of-endurance':
			return m.alert_out_of_endurance({ asset: name }, o);
		case 'minors-found':
			return m.alert_minors_found(
				{
					count: f?.minors ?? 0,
					minors: formatNumber(f?.minors ?? 0, {}, locale),
					people: formatNumber(f?.people ?? 0, {}, locale),
					boat: name,
					port: (f?.port && nameOf(f.port)) || m.alert_a_port({}, o)
				},
				o
			);
		case 'capacity-exceeded': {
			const words = {
				place: name,
				count: f?.occupancy ?? 0,
				occupancy: formatNumber(f?.occupancy ?? 0, {}, locale),
				capacity: formatNumber(f?.capacity ?? 0, {}, locale)
			};
			return f?.facility === 'port' ? m.alert_port_over_capacity(words, o) : m.alert_shelter_full(words, o);
		}
	}
}
