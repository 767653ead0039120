/**
 * A short beep generated in the browser with WebAudio (no sound file is fetched): one tone for news, two
 * higher ones for a decision. The audio context is made on the first call, which must follow a user gesture
 * (the sound toggle), as browsers require.
 */
let context: AudioContext | null = null;

export function beep(urgent = false) {
	try {
		context ??= new AudioContext();
		if (context.state === 'suspended') void context.resume();
		const tones = urgent ? [880, 1175] : [660];
		tones.forEach((frequency, i) => {
			const start = context!.currentTime + i * 0.18;
			const osc = context!.createOscillator();
			const gain = context!.createGain();
			osc.type = 'sine';
			osc.frequency.value = frequency;
			gain.gain.setValueAtTime(0.0001, start);
			gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
			osc.connect(gain).connect(context!.destination);
			osc.start(start);
			osc.stop(start + 0.16);
		});
	} catch {
		// No audio on this device: the visible and spoken notices remain.
	}
}

const SOUND_KEY = 'crosscurrent.sound';

export function soundWanted(): boolean {
	try {
		return localStorage.getItem(SOUND_KEY) === 'on';
	} catch {
		return false;
	}
}

export function setSoundWanted(on: boolean) {
	try {
		localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
	} catch {
		// Not kept: it stays as chosen for this page.
	}
}
