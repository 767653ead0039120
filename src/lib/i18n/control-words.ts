/**
 * The control room's words for what the engine names by code or gives as parts: a conditional inject's trigger, the
 * ENDEX overrun, an inject's MSEL status, a team's mode, how soon and how long (exercise time), a default title.
 */
import type { InjectState } from '$lib/engine/exercise/state';
import type { EndexPrompt } from '$lib/engine/exercise/endex';
import { overrunOf } from '$lib/engine/exercise/endex';
import { MINUTE } from '$lib/engine/exercise/clock';
import type { TeamMode } from '$lib/engine/exercise/team-board';
import type { Scenario, Trigger } from '$lib/engine/scenario/schema';
import { triggerParts } from '$lib/engine/scenario/trigger-text';
import { m } from '$lib/paraglide/messages';
import { exerciseControlName } from './words';
import { formatHoursMinutes, formatSeconds } from './format';

/** A conditional inject's trigger in the reader's language: "TT Coast Guard detects Suspect yacht (+5 min)". */
export function triggerText(trigger: Trigger, scenario: Pick<Scenario, 'teams' | 'entities' | 'areas'> | null): string {
	const p = triggerParts(trigger, scenario);
	const team = (name: string | null) => name ?? m.control_trigger_any_team();
	const entity = (name: string | null) => name ?? m.control_trigger_any_entity();
	let text: string;
	switch (p.kind) {
		case 'decision':
			text = p.option
				? m.control_trigger_decision({ team: team(p.team), option: p.option, decision: p.decision })
				: m.control_trigger_decision_any({ team: team(p.team), decision: p.decision });
			break;
		case 'missed':
			text = m.control_trigger_missed({ team: team(p.team), inject: p.missed });
			break;
		case 'message':
			text = m.control_trigger_message({ from: p.from, to: p.toControl ? exerciseControlName() : (p.to ?? m.control_trigger_another_team()) });
			break;
		case 'area':
			text = (p.on === 'enter' ? m.control_trigger_enters : m.control_trigger_leaves)({ entity: p.entity, area: p.area });
			break;
		case 'intercept': {
			const say = {
				own: m.control_trigger_intercept_own,
				foreign: m.control_trigger_intercept_foreign,
				'high-seas': m.control_trigger_intercept_high_seas
			}[p.waters ?? 'own'];
			text = (p.waters ? say : m.control_trigger_intercept)({ team: team(p.team), target: p.target });
			break;
		}
		case 'detected':
			text = m.control_trigger_detected({ team: team(p.team), contact: p.contact });
			break;
		case 'alert': {
			const say = {
				'capacity-exceeded': m.control_trigger_capacity,
				'minors-found': m.control_trigger_minors,
				distress: m.control_trigger_distress,
				'out-of-endurance': m.control_trigger_endurance
			}[p.alert];
			text = say({ entity: entity(p.entity) });
			break;
		}
	}
	return p.delayMinutes ? m.control_trigger_delay({ trigger: text, delay: formatHoursMinutes(p.delayMinutes) }) : text;
}

/** "18 min past the scenario's planned end (01:00).", or that it is reached: the ENDEX prompt's sentence. */
export function overrunText(prompt: EndexPrompt): string {
	const { planned, overMinutes } = overrunOf(prompt);
	return overMinutes < 1 ? m.control_endex_reached({ planned }) : m.control_endex_past({ over: formatHoursMinutes(overMinutes), planned });
}

type InjectStatus = InjectState['status'];
const INJECT_STATUS: Record<InjectStatus, () => string> = {
	waiting: m.control_inject_waiting,
	pending: m.control_inject_pending,
	held: m.control_inject_held,
	released: m.control_inject_released,
	skipped: m.control_inject_skipped
};
/** An inject's place in the MSEL: "waiting for trigger", "due", "on hold", "released", "skipped". */
export const injectStatusWord = (status: InjectStatus): string => INJECT_STATUS[status]?.() ?? status;

const MODE: Record<TeamMode, () => string> = { playing: m.control_mode_playing, absent: m.control_mode_absent, control: m.control_mode_control };
/** How a team plays: "Playing", "Absent", "Played by control". */
export const teamModeWord = (mode: TeamMode): string => MODE[mode]();

/** "40 s", "9 min", "1 h 15 min": a duration of exercise (or real) time, cut to the second or minute. */
export function formatShort(ms: number): string {
	if (ms < MINUTE) return formatSeconds(Math.max(0, Math.floor(ms / 1000)));
	return formatHoursMinutes(Math.floor(ms / MINUTE));
}

/** "in 4 min", "in 40 s", "now": how soon, exercise time, for the MSEL and the board. */
export function formatIn(ms: number): string {
	if (ms < 1000) return m.control_due_now();
	if (ms < MINUTE) return m.control_due_in({ time: formatSeconds(Math.ceil(ms / 1000)) });
	return m.control_due_in({ time: formatHoursMinutes(Math.ceil(ms / MINUTE)) });
}

/** A new exercise's title in the reader's language ("Hurricane Keturah · run 2"). */
export const runTitle = (scenario: string, run: number | string): string => m.control_default_title({ scenario, run });
