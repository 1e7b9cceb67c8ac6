import type { Locale, Localized } from "../engine/types";

/** Pairs an English text with its Simplified Chinese counterpart. */
export function t(en: string, zh: string): Localized {
  return { en, zh };
}

/** The text for a locale, falling back to English when the other side is empty. */
export function pick(text: Localized, locale: Locale): string {
  return text[locale] || text.en;
}
