/**
 * The MSEL views' words for what the MSEL graph gives as data: when a triggered inject goes out ("After #1: “Launch”
 * (+5 min)"), what an edge says, what a play event is, why an inject is never released, and team and objective names
 * — from the draft's raw data, where any field may be missing while the planner works.
 */
import type { DraftData } from '$lib/client/studio/draft.svelte';
import type { Trigger } from '$lib/engine/scenario/schema';
import type { EventNode, MselEdge, MselGraph, UnreachableReason } from '$lib/engine/studio/msel-graph';
import { formatMinute } from '$lib/engine/studio/msel-time';
import { triggerText } from '$lib/i18n/control-words';
import { formatHoursMinutes } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { shortLabel } from '../inject/short-label';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface Named {
	id: string;
	name: string;
}

/** The items of a raw list that have an id, with their name (the id when it has none). */
export function namedList(list: unknown): Named[] {
	return listOf(list).flatMap((x) =>
		isObject(x) && typeof x.id === 'string' && x.id ? [{ id: x.id, name: (typeof x.name === 'string' && x.name.trim()) || x.id }] : []
	);
}

/** Names of the draft's teams, entities and areas, shaped as the trigger wording wants them. */
export function namesOf(data: DraftData) {
	return { teams: namedList(data.teams), entities: namedList(data.entities), areas: namedList(data.areas) } as Parameters<typeof triggerText>[1];
}

const REASONS: Record<UnreachableReason, () => string> = {
	'no-timing': m.studiomsel_reason_no_timing,
	'unknown-trigger': m.studiomsel_reason_unknown_trigger,
	'missing-source': m.studiomsel_reason_missing_source,
	'no-decision': m.studiomsel_reason_no_decision,
	'unknown-option': m.studiomsel_reason_unknown_option,
	'nothing-to-miss': m.studiomsel_reason_nothing_to_miss,
	'team-not-involved': m.studiomsel_reason_team_not_involved,
	'unknown-thing': m.studiomsel_reason_unknown_thing,
	cycle: m.studiomsel_reason_cycle,
	'source-unreachable': m.studiomsel_reason_source_unreachable
};
export const reasonText = (reason: UnreachableReason): string => REASONS[reason]();

/** "+5 min", or "at once". */
export const delayText = (minutes: number): string => (minutes > 0 ? formatHoursMinutes(minutes) : m.studiomsel_at_once());

/** What a play event is, in the reader's words ("RSS Air Wing detects go-fast"). */
export function eventText(event: EventNode, data: DraftData): string {
	try {
		return triggerText(event.trigger as Trigger, namesOf(data));
	} catch {
		return event.event;
	}
}

/** What an edge says on the block it leads to: the option chosen, any answer, missed, or the event; then the delay. */
export function edgeText(edge: MselEdge, teams: Named[]): string {
	let text =
		edge.kind === 'option'
			? m.studiomsel_edge_option({ option: shortLabel(edge.label ?? edge.option ?? '', 48) })
			: edge.kind === 'answer'
				? m.studiomsel_edge_answer()
				: edge.kind === 'missed'
					? m.studiomsel_edge_missed()
					: m.studiomsel_edge_event();
	if (edge.team) text = m.studiomsel_when_team({ team: teams.find((t) => t.id === edge.team)?.name ?? edge.team, when: text });
	return edge.delayMinutes > 0 ? m.studiomsel_edge_delay({ edge: text, delay: formatHoursMinutes(edge.delayMinutes) }) : text;
}

/** When a triggered inject goes out, in words: after which inject's answer or miss, or on which play event, and its delay. */
export function whenText(index: number, graph: MselGraph, data: DraftData, teams: Named[]): string {
	const node = graph.injects[index];
	const raw = listOf(data.injects)[index];
	const trigger = isObject(raw) && isObject(raw.trigger) ? raw.trigger : null;
	if (!node || !trigger) return m.studiomsel_no_timing();
	const edge = graph.edges.find((e) => e.to === node.key);
	const source = node.source?.startsWith('inject:') ? graph.injects[Number(node.source.slice('inject:'.length))] : undefined;
	const event = node.source?.startsWith('event:') ? graph.events.find((e) => e.key === node.source) : undefined;
	let text: string;
	if (event) text = eventText(event, data);
	else if (!source)
		text = typeof trigger.decision === 'string' || typeof trigger.missed === 'string' ? m.studiomsel_when_unknown_inject() : m.studiomsel_no_timing();
	else if (edge?.kind === 'missed') text = m.studiomsel_when_missed({ number: source.number });
	else if (edge?.kind === 'option') text = m.studiomsel_when_option({ number: source.number, option: shortLabel(edge.label ?? edge.option ?? '', 48) });
	else text = m.studiomsel_when_answer({ number: source.number });
	if (!event && edge?.team) text = m.studiomsel_when_team({ team: teams.find((t) => t.id === edge.team)?.name ?? edge.team, when: text });
	const delay = edge?.delayMinutes ?? 0;
	return delay > 0 ? m.studiomsel_when_delay({ when: text, delay: formatHoursMinutes(delay) }) : text;
}

/** "from 0:13": the earliest minute of an inject whose minute depends on play. */
export const earliestText = (minute: number): string => m.studiomsel_earliest({ time: formatMinute(minute) });
