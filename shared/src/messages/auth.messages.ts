export const authMessages = {
  'auth.badCode': {
    ru: 'Неверный или уже использованный код',
    en: 'Wrong or already used code',
  },
  'auth.badCredentials': {
    ru: 'Неверный логин или пароль',
    en: 'Wrong login or password',
  },
  'auth.challengeExpired': {
    ru: 'Время на ввод кода истекло — войдите снова',
    en: 'The time to enter the code has run out — sign in again',
  },
  'auth.disabled': {
    ru: 'Учётная запись отключена. Обратитесь к администратору.',
    en: 'The account is disabled. Contact the administrator.',
  },
  'auth.locked': {
    ru: 'Слишком много неудачных попыток входа. Повторите через {{minutes}} мин.',
    en: 'Too many failed sign-in attempts. Try again in {{minutes}} min.',
  },
  'auth.sessionGone': {
    ru: 'Сеанс уже завершён',
    en: 'The session has already ended',
  },
  'auth.twoFactorRequired': {
    ru: 'Второй фактор обязателен: отключить его может только администратор (сброс)',
    en: 'Two-factor authentication is mandatory: only an administrator can turn it off (reset)',
  },
  'auth.twoFactorRole': {
    ru: 'Второй фактор предусмотрен для администраторов и ответственных',
    en: 'Two-factor authentication is for administrators and officers',
  },
} as const;
