/**
 * What an API key may do. Every /api/v1 route declares one; a key carries the scopes its system needs (the booking
 * site: permissions:read; the website: consents:write and requests:write; the MIS: records:write).
 */
export const API_SCOPES = [
  'permissions:read',
  'suppression:read',
  'consents:write',
  'requests:write',
  'records:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, { ru: string; en: string }> = {
  'permissions:read': { ru: 'Проверка разрешений', en: 'Check permissions' },
  'suppression:read': { ru: 'Стоп-лист', en: 'Suppression list' },
  'consents:write': { ru: 'Регистрация согласий', en: 'Register consents' },
  'requests:write': { ru: 'Обращения с сайта', en: 'Web-form requests' },
  'records:write': { ru: 'Сведения о записях ПДн', en: 'PD records' },
};

/** Requests a minute a new key gets: far above a booking site's peak, low enough to stop a runaway loop. */
export const DEFAULT_RATE_LIMIT = 600;
