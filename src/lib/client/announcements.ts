/**
 * What a team is told when something new reaches its inbox: the words of the live notice (urgent for a decision
 * with a deadline) and the document title that counts what is unread. Pure: the page feeds it the new items.
 */
import { MINUTE } from '$lib/engine/exercise/clock';
import { formatHoursMinutes } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { asksDecision, type InboxItem } from './inbox';

export interface Announcement {
	text: string;
	/** A decision with a deadline: read out at once (aria-live assertive), not after what is being read. */
	urgent: boolean;
}

export const APP_NAME = 'Crosscurrent';

/** One sentence, with its full stop. */
function describe(item: InboxItem, now: number, teamName: (id: string) => string): string {
	if (item.kind === 'passed-on') return m.team_announce_passed_on({ team: teamName(item.message.fromTeam), title: item.forwarded.title });
	const { title, from, channel } = item.inject.inject;
	if (item.decision && asksDecision(item)) return m.team_announce_decision({ title, time: formatHoursMinutes((item.decision.deadlineAt - now) / MINUTE) });
	return channel === 'media' ? m.team_announce_news({ from, title }) : m.team_announce_report({ from, title });
}

/** More items than this at once (joining mid-exercise, coming back after a lost connection) are summed up, not read out one by one. */
export const READ_OUT_AT_MOST = 3;

type DecisionItem = Extract<InboxItem, { kind: 'inject' }> & { decision: NonNullable<Extract<InboxItem, { kind: 'inject' }>['decision']> };
const isDecisionItem = (item: InboxItem): item is DecisionItem => asksDecision(item) && item.kind === 'inject' && item.decision !== null;

/** "2 decisions waiting, the first due in 4 min: Contact. 5 more items in your inbox." (or "5 new items in your inbox."), in the reader's language. */
function summary(decisions: DecisionItem[], others: number, now: number): string {
	const sentences: string[] = [];
	if (decisions.length > 0) {
		const first = decisions.reduce((a, b) => (a.decision.deadlineAt <= b.decision.deadlineAt ? a : b));
		const time = formatHoursMinutes((first.decision.deadlineAt - now) / MINUTE);
		sentences.push(m.team_announce_decisions_waiting({ count: decisions.length, time, title: first.inject.inject.title }));
	}
	if (others > 0 && decisions.length > 0) sentences.push(m.team_announce_more_items({ count: others }));
	else if (others > 0) sentences.push(m.team_announce_new_items({ count: others }));
	return sentences.join(' ');
}

/**
 * The notice for items that have just arrived (null for none): one sentence each, the decisions first; more than
 * `READ_OUT_AT_MOST` at once are summed up, naming the decision due first.
 */
export function announcementFor(fresh: InboxItem[], now: number, teamName: (id: string) => string): Announcement | null {
	if (fresh.length === 0) return null;
	const ordered = [...fresh].sort((a, b) => Number(asksDecision(b)) - Number(asksDecision(a)));
	const urgent = ordered.some(asksDecision);
	if (ordered.length > READ_OUT_AT_MOST) {
		const decisions = ordered.filter(isDecisionItem);
		return { text: summary(decisions, ordered.length - decisions.length, now), urgent };
	}
	const text = ordered.map((item) => describe(item, now, teamName)).join(' ');
	return { text, urgent };
}

/** "(2) New decision — Crosscurrent" while anything is unread (a decision named first), else the page's own title. */
export function documentTitle(unread: InboxItem[], base = APP_NAME): string {
	if (unread.length === 0) return base;
	const count = unread.length;
	return unread.some(asksDecision) ? m.team_title_decision({ count, app: base }) : m.team_title_injects({ count, app: base });
}
