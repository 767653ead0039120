/**
 * What a team is told when something new reaches its inbox: the words of the live notice (urgent for a decision
 * with a deadline) and the document title that counts what is unread. Pure: the page feeds it the new items.
 */
import { MINUTE } from '$lib/engine/exercise/clock';
import { formatHoursMinutesFromMinutes } from '$lib/engine/exercise/time-format';
import { asksDecision, type InboxItem } from './inbox';

export interface Announcement {
	text: string;
	/** A decision with a deadline: read out at once (aria-live assertive), not after what is being read. */
	urgent: boolean;
}

export const APP_NAME = 'Crosscurrent';

function describe(item: InboxItem, now: number, teamName: (id: string) => string): string {
	if (item.kind === 'passed-on') return `${teamName(item.message.fromTeam)} passed on “${item.forwarded.title}”`;
	const title = item.inject.inject.title;
	if (item.decision && asksDecision(item))
		return `New decision: ${title}, deadline in ${formatHoursMinutesFromMinutes((item.decision.deadlineAt - now) / MINUTE)}`;
	return `New ${item.inject.inject.channel === 'media' ? 'news' : 'report'} from ${item.inject.inject.from}: ${title}`;
}

/** More items than this at once (joining mid-exercise, coming back after a lost connection) are summed up, not read out one by one. */
export const READ_OUT_AT_MOST = 3;

type DecisionItem = Extract<InboxItem, { kind: 'inject' }> & { decision: NonNullable<Extract<InboxItem, { kind: 'inject' }>['decision']> };
const isDecisionItem = (item: InboxItem): item is DecisionItem => asksDecision(item) && item.kind === 'inject' && item.decision !== null;

/** "2 decisions waiting, the first due in 4 min: Contact. 5 more items in your inbox." (or "5 new items in your inbox.") */
function summary(decisions: DecisionItem[], others: number, now: number): string {
	const sentences: string[] = [];
	if (decisions.length > 0) {
		const first = decisions.reduce((a, b) => (a.decision.deadlineAt <= b.decision.deadlineAt ? a : b));
		const due = formatHoursMinutesFromMinutes((first.decision.deadlineAt - now) / MINUTE);
		const title = first.inject.inject.title;
		sentences.push(
			decisions.length === 1 ? `1 decision waiting, due in ${due}: ${title}` : `${decisions.length} decisions waiting, the first due in ${due}: ${title}`
		);
	}
	if (others > 0 && decisions.length > 0) sentences.push(others === 1 ? '1 more item in your inbox' : `${others} more items in your inbox`);
	else if (others > 0) sentences.push(`${others} new items in your inbox`);
	return sentences.join('. ') + '.';
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
	const text = ordered.map((item) => describe(item, now, teamName)).join('. ') + '.';
	return { text, urgent };
}

/** "(2) New decision — Crosscurrent" while anything is unread (a decision named first), else the page's own title. */
export function documentTitle(unread: InboxItem[], base = APP_NAME): string {
	if (unread.length === 0) return base;
	const what = unread.some(asksDecision) ? 'New decision' : unread.length === 1 ? 'New inject' : 'New injects';
	return `(${unread.length}) ${what} — ${base}`;
}
