/** Downloads an export route with the session token (exports need authorization, so a plain link will not do). */
import { loadSession } from './session';

export async function downloadExport(exerciseId: string, file: 'events.json' | 'timeline.csv'): Promise<void> {
	const token = loadSession()?.token;
	const res = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/${file}`, { headers: { authorization: `Bearer ${token}` } });
	if (!res.ok) {
		const body = (await res.json().catch(() => ({}))) as { error?: string };
		throw new Error(body.error ?? `export failed (${res.status})`);
	}
	const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? file;
	const url = URL.createObjectURL(await res.blob());
	const a = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
