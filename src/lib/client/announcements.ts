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

/** The notice for items that have just arrived (null for none): one sentence each, the decisions first. */
export function announcementFor(fresh: InboxItem[], now: number, teamName: (id: string) => string): Announcement | null {
	if (fresh.length === 0) return null;
	const ordered = [...fresh].sort((a, b) => Number(asksDecision(b)) - Number(asksDecision(a)));
	const text = ordered.map((item) => describe(item, now, teamName)).join('. ') + '.';
	return { text, urgent: ordered.some(asksDecision) };
}

/** "(2) New decision — Crosscurrent" while anything is unread (a decision named first), else the page's own title. */
export function documentTitle(unread: InboxItem[], base = APP_NAME): string {
	if (unread.length === 0) return base;
	const what = unread.some(asksDecision) ? 'New decision' : unread.length === 1 ? 'New inject' : 'New injects';
	return `(${unread.length}) ${what} — ${base}`;
}
