/**
 * The reader's language: the five Crosscurrent speaks, each named in itself (a Haitian officer looks for "Kreyòl
 * ayisyen", not its name in English, so these names are the same in every catalogue and live here), and the choice,
 * which Paraglide remembers in the browser (see i18n.config.js) and applies by reloading the page.
 */
import { getLocale, locales, setLocale, type Locale } from '$lib/paraglide/runtime';

export const LANGUAGE_NAMES: Record<Locale, string> = {
	en: 'English',
	es: 'Español',
	fr: 'Français',
	nl: 'Nederlands',
	ht: 'Kreyòl ayisyen'
};

export const LANGUAGES: readonly { code: Locale; name: string }[] = locales.map((code) => ({ code, name: LANGUAGE_NAMES[code] }));

export const currentLanguage = (): Locale => getLocale();

export function isLanguage(code: string): code is Locale {
	return (locales as readonly string[]).includes(code);
}

/** Switches the page to `code` (remembered for the next visit); the page reloads to read in it. */
export function chooseLanguage(code: string) {
	if (isLanguage(code) && code !== getLocale()) void setLocale(code);
}
