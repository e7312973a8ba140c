/** What the background says to the user, from the one catalogue (utils/i18n), in the chosen language. */
import { errorText } from '@/utils/i18n/errors';
import { NOTICES, type Notices } from '@/utils/i18n/notices';
import { isLibraryError } from '@/utils/library/errors';
import type { Locale } from '@/utils/report/types';
import { getSettings, resolveLocale } from '@/utils/settings';

export type Notice = keyof Notices;

async function notices(): Promise<{ t: Notices; locale: Locale }> {
  const { language } = await getSettings().catch(() => ({ language: 'auto' as const }));
  const locale = resolveLocale(language, 'hans');
  return { t: NOTICES[locale], locale };
}

export async function say(notice: Notice): Promise<string> {
  return (await notices()).t[notice];
}

/** An error for the user: a LibraryError's words from the catalogue, else the notice followed by the error. */
export async function describe(error: unknown, notice: Notice = 'saveFailed'): Promise<string> {
  const { t, locale } = await notices();
  if (isLibraryError(error)) return errorText(error, locale);
  return t[notice] + (error instanceof Error ? error.message : String(error));
}
