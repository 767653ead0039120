/**
 * The team screens' words for what the engine gives as data: an asset's order (`assetOrder`), the answer to an
 * intercept order, the waters an intercept happened in, a facility's kind, a message channel. Also `slotted`, to
 * put markup (a bold name, a clock in monospace) inside a translated sentence without cutting it into pieces.
 */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { placeName } from './place-names';
import type { MessageChannel } from '$lib/engine/exercise/events';
import { formatHhmmFromMinutes } from '$lib/engine/exercise/time-format';
import type { InterceptAnswer } from '$lib/engine/sim/kinematics';
import type { AssetOrder } from '$lib/engine/sim/order-text';
import type { Waters } from '$lib/engine/sim/zones';
import { formatHoursMinutes, formatKnots, formatNm, formatPosition } from './format';
import { channelWord } from './words';

export type { InterceptAnswer };

/** What an asset is doing, as its panel's "Order" line says it. */
export function orderWords(order: AssetOrder): string {
	switch (order.kind) {
		case 'planned':
			return m.team_order_planned();
		case 'exhausted':
			return m.team_order_exhausted();
		case 'goto':
			return m.team_order_goto({ position: formatPosition(order.point), speed: formatKnots(order.knots) });
		case 'patrol':
			return m.team_order_patrol({ count: order.points, speed: formatKnots(order.knots) });
		case 'intercept':
			return m.team_order_intercept({ target: order.target, speed: formatKnots(order.knots) });
		case 'hold':
			return m.team_order_hold();
		case 'shadowing':
			return m.team_order_shadowing({ target: order.target });
		case 'alongside':
			return m.team_order_alongside({ target: order.target });
		case 'standing-by':
			return m.team_order_standing_by({ target: order.target });
		case 'arrived':
			return m.team_order_arrived({ port: order.port, target: order.target });
		case 'escorting':
			return m.team_order_escorting({ target: order.target, port: order.port });
		case 'carrying':
			return order.people === null
				? m.team_order_carrying_uncounted({ target: order.target, port: order.port })
				: m.team_order_carrying({ count: order.people, target: order.target, port: order.port });
	}
}

const hhmm = (s: string) => {
	const [h, mm] = s.split(':').map(Number);
	return (h ?? 0) * 60 + (mm ?? 0);
};

function watersOf(label: string): Waters | null {
	if (label.startsWith('outside any territorial sea')) return { kind: 'high-seas' };
	const sea = /^(.+) territorial sea$/.exec(label);
	if (sea) return { kind: 'territorial-sea', state: sea[1]!, coastNm: 0 };
	const land = /^on land \((.+)\)$/.exec(label);
	return land ? { kind: 'land', state: land[1]! } : null;
}

/**
 * The answer read back from the English `reason` an `intercept.assessed` event carries (the engine writes it in one
 * of four forms; see `taskAsset` and `interceptWhyText`), so that stored and live events alike are worded in the
 * reader's language. Null for a reason in no known form: it is then shown as it is.
 */
export function interceptAnswerOf(reason: string): InterceptAnswer | null {
	let x = /^intercept possible at (\d+:\d\d), ([\d.]+) nm from here at (\d+) kn, (.+)$/.exec(reason);
	if (x) {
		const waters = watersOf(x[4]!);
		return waters && { kind: 'possible', atMin: hhmm(x[1]!), distanceNm: Number(x[2]), knots: Number(x[3]), waters };
	}
	x = /^intercept would need (\d+) min under way; (.+) has (\d+) min of endurance left$/.exec(reason);
	if (x) return { kind: 'endurance', neededMin: Number(x[1]), asset: x[2]!, leftMin: Number(x[3]) };
	x = /^cannot catch it: the target is making (\d+) kn and opening; your best is (\d+) kn\. Closest approach ([\d.]+) nm at (\d+:\d\d)\.$/.exec(reason);
	if (x) return { kind: 'outrun', targetKnots: Number(x[1]), knots: Number(x[2]), closestNm: Number(x[3]), closestAtMin: hhmm(x[4]!) };
	x = /^cannot reach it before it is out of reach at (\d+:\d\d): at (\d+) kn the closest you get is ([\d.]+) nm at (\d+:\d\d)\.$/.exec(reason);
	if (x) return { kind: 'out-of-reach', untilMin: hhmm(x[1]!), knots: Number(x[2]), closestNm: Number(x[3]), closestAtMin: hhmm(x[4]!) };
	return null;
}

/** The intercept answer as one sentence naming the target ("Intercept possible Suspect yacht: at 01:31, …"). */
export function interceptWords(target: string, feasible: boolean, reason: string, answer: InterceptAnswer | null = interceptAnswerOf(reason)): string {
	if (!answer) return feasible ? m.team_intercept_possible_raw({ target, reason }) : m.team_intercept_impossible_raw({ target, reason });
	switch (answer.kind) {
		case 'possible': {
			const p = { target, time: formatHhmmFromMinutes(answer.atMin), distance: formatNm(answer.distanceNm), speed: formatKnots(answer.knots) };
			const w = answer.waters;
			return w.kind === 'territorial-sea'
				? m.team_intercept_possible_sea({ ...p, state: placeName(w.state, getLocale()) })
				: w.kind === 'land'
					? m.team_intercept_possible_land({ ...p, state: placeName(w.state, getLocale()) })
					: m.team_intercept_possible_high_seas(p);
		}
		case 'endurance':
			return m.team_intercept_endurance({
				target,
				needed: formatHoursMinutes(answer.neededMin),
				asset: answer.asset,
				left: formatHoursMinutes(answer.leftMin)
			});
		case 'outrun':
			return m.team_intercept_outrun({
				target,
				targetSpeed: formatKnots(answer.targetKnots),
				speed: formatKnots(answer.knots),
				distance: formatNm(answer.closestNm),
				time: formatHhmmFromMinutes(answer.closestAtMin)
			});
		case 'out-of-reach':
			return m.team_intercept_out_of_reach({
				target,
				until: formatHhmmFromMinutes(answer.untilMin),
				speed: formatKnots(answer.knots),
				distance: formatNm(answer.closestNm),
				time: formatHhmmFromMinutes(answer.closestAtMin)
			});
	}
}

/** "Intercepted Suspect yacht at 01:05:09 — in Grenada waters." (or shadowing it from overhead, for an aircraft). */
export function interceptedWords(target: string, time: string, waters: Waters, shadowing: boolean): string {
	if (waters.kind === 'high-seas') return shadowing ? m.team_shadowing_high_seas({ target, time }) : m.team_intercepted_high_seas({ target, time });
	return shadowing
		? m.team_shadowing_sea({ target, time, state: placeName(waters.state, getLocale()) })
		: m.team_intercepted_sea({ target, time, state: placeName(waters.state, getLocale()) });
}

/** "port" / "shelter" in the reader's language. */
export const facilityKindWord = (kind: string): string => (kind === 'port' ? m.team_kind_port() : kind === 'shelter' ? m.team_kind_shelter() : kind);

/** A team message's channel: the inject channels' words, and "Secure chat". */
export const messageChannelWord = (channel: MessageChannel | string): string =>
	channel === 'secure-chat' ? m.team_channel_secure_chat() : channelWord(channel);

/** A piece of a sentence: plain text, or the place of a named value the caller renders with its own markup. */
export type Part = { text: string; slot?: undefined } | { slot: string; text?: undefined };

/**
 * A translated sentence cut at the places of some of its values, so each can be wrapped in markup where the
 * language puts it: `slotted((s) => m.team_forwarded_by({ who: s('who'), time: s('time') }))`.
 */
export function slotted(render: (slot: (name: string) => string) => string): Part[] {
	const text = render((name) => `\uE000${name}\uE001`);
	return text
		.split(/\uE000(\w+)\uE001/)
		.map((piece, i): Part => (i % 2 === 1 ? { slot: piece } : { text: piece }))
		.filter((p) => p.slot !== undefined || p.text !== '');
}
