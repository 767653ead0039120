import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { MINUTE } from '$lib/engine/exercise/clock';
import type { Message } from '$lib/engine/exercise/state';
import { given } from '../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../tests/fixtures/mini-scenario';
import { announcementFor, documentTitle } from './announcements';
import { dueDecisions, forwardedOf, inboxItems, passedOnId } from './inbox';

function played(toMinute: number) {
	const x = given(miniScenario);
	x.send({ type: 'START' }, 0);
	x.tickThrough(0, toMinute, 1);
	return x;
}

const forwardedMessage = (over: Partial<Message> = {}): Message =>
	({
		messageId: 'm1',
		fromTeam: 'coast-guard',
		to: ['customs'],
		channel: 'secure-chat',
		text: 'For your boarding team',
		refInjectId: 'tip',
		by: 'Lt Baptiste',
		at: 3 * MINUTE,
		forwarded: { injectId: 'tip', title: 'Tip-off', from: 'RIFC analyst', channel: 'intel', body: 'A go-fast is loading.', releasedAt: 0 },
		answeredAt: null,
		answeredBy: null,
		answerInjectId: null,
		...over
	}) as Message;

describe('a team inbox', () => {
	it('holds the team’s own released injects, newest first, each with its decision', () => {
		const state = played(25).state();
		const items = inboxItems(state, 'coast-guard');
		expect(items.map((i) => i.id)).toEqual(['both', 'tip']);
		const [both, tip] = items;
		expect(both?.kind === 'inject' && both.decision?.status).toBe('open');
		expect(tip?.kind === 'inject' && tip.decision?.status).toBe('expired');
		// Customs sees its own injects only.
		expect(inboxItems(state, 'customs').map((i) => i.id)).toEqual(['both', 'customs-note']);
	});

	it('shows an inject passed on by another team as that inject, not to the sender', () => {
		const state = { ...played(5).state(), messages: [forwardedMessage(), forwardedMessage({ messageId: 'm2', forwarded: null } as Partial<Message>)] };
		const customs = inboxItems(state, 'customs');
		expect(customs.map((i) => i.id)).toEqual([passedOnId('m1')]);
		const [item] = customs;
		expect(item?.kind === 'passed-on' && item.forwarded.title).toBe('Tip-off');
		expect(inboxItems(state, 'coast-guard').some((i) => i.kind === 'passed-on')).toBe(false);
		expect(forwardedOf(forwardedMessage({ forwarded: undefined } as Partial<Message>))).toBeNull();
	});

	it('lists the decisions due soonest first, with what is left and how urgent it is', () => {
		const state = played(21).state();
		// Coast guard: "tip" (deadline 15) expired; "both" opened at 20, expected by 25, deadline 30.
		expect(dueDecisions(state, 'coast-guard', 21 * MINUTE)).toEqual([{ injectId: 'both', title: 'Contact', remainingMs: 9 * MINUTE, urgency: 'normal' }]);
		expect(dueDecisions(state, 'coast-guard', 26 * MINUTE)[0]?.urgency).toBe('overdue');
		const early = played(1).state();
		expect(dueDecisions(early, 'coast-guard', 1 * MINUTE)[0]?.urgency).toBe('normal');
		expect(dueDecisions(early, 'customs', 1 * MINUTE)).toEqual([]);
	});
});

describe('announcing new items', () => {
	const names = (id: string) => ({ 'coast-guard': 'Coast Guard', customs: 'Customs' })[id] ?? id;

	it('reads a decision with a deadline out urgently, first', () => {
		const state = played(21).state();
		const items = inboxItems(state, 'coast-guard');
		const notice = announcementFor(items, 21 * MINUTE, names);
		expect(notice).toEqual({ text: 'New decision: Contact, deadline in 9 min. New report from RIFC analyst: Tip-off.', urgent: true });
		expect(announcementFor([], 0, names)).toBeNull();
	});

	it('sums up many items arriving at once (joining mid-exercise), naming the decision due first', () => {
		const state = played(21).state();
		const items = inboxItems(state, 'coast-guard');
		const many = [...items, ...items.slice(1).map((i) => ({ ...i, id: `${i.id}-a` })), ...items.slice(1).map((i) => ({ ...i, id: `${i.id}-b` }))];
		expect(many).toHaveLength(4);
		expect(announcementFor(many, 21 * MINUTE, names)).toEqual({ text: '1 decision waiting, due in 9 min: Contact. 3 more items in your inbox.', urgent: true });
		const reports = many.slice(1).concat(items.slice(1).map((i) => ({ ...i, id: `${i.id}-c` })));
		expect(announcementFor(reports, 21 * MINUTE, names)).toEqual({ text: '4 new items in your inbox.', urgent: false });
	});

	it('says who passed an inject on, politely', () => {
		const state = { ...played(5).state(), messages: [forwardedMessage()] };
		expect(announcementFor(inboxItems(state, 'customs'), 5 * MINUTE, names)).toEqual({ text: 'Coast Guard passed on “Tip-off”.', urgent: false });
	});

	it('counts the unread in the document title, naming a decision', () => {
		const state = played(21).state();
		const items = inboxItems(state, 'coast-guard');
		expect(documentTitle(items)).toBe('(2) New decision — Crosscurrent');
		expect(documentTitle(items.slice(1))).toBe('(1) New inject — Crosscurrent');
		expect(documentTitle([])).toBe('Crosscurrent');
	});

	describe("in the reader's language", () => {
		afterEach(() => overwriteGetLocale(() => baseLocale));

		it('words notices, summaries and the title in French and Haitian Creole, counts agreeing', () => {
			const state = played(21).state();
			const items = inboxItems(state, 'coast-guard');
			overwriteGetLocale(() => 'fr');
			// Intl puts a no-break space between a number and its unit in French.
			const said = (fresh: typeof items) => announcementFor(fresh, 21 * MINUTE, names)?.text.replace(/\u00a0/g, ' ');
			expect(said(items)).toBe('Nouvelle décision : Contact, échéance dans 9 min. Nouveau rapport de RIFC analyst : Tip-off.');
			const many = [...items, ...items.slice(1).map((i) => ({ ...i, id: `${i.id}-a` })), ...items.slice(1).map((i) => ({ ...i, id: `${i.id}-b` }))];
			expect(said(many)).toBe('1 décision en attente, échéance dans 9 min : Contact. 3 autres éléments dans votre boîte de réception.');
			expect(documentTitle(items.slice(1))).toBe('(1) Nouveau stimulus — Crosscurrent');
			overwriteGetLocale(() => 'ht');
			expect(documentTitle(items)).toBe('(2) Nouvo desizyon — Crosscurrent');
			expect(said(many)).toMatch(/^1 desizyon ap tann, .*: Contact\. 3 lòt bagay nan bwat resepsyon ou\.$/);
		});
	});
});
