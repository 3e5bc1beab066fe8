export const usersMessages = {
  'users.loginTaken': {
    ru: 'Пользователь с логином «{{login}}» уже есть',
    en: 'A user with the login «{{login}}» already exists',
  },
  'users.notFound': {
    ru: 'Пользователь не найден',
    en: 'User not found',
  },
  'users.selfDisable': {
    ru: 'Нельзя отключить собственную учётную запись',
    en: 'You cannot disable your own account',
  },
  'users.selfRole': {
    ru: 'Нельзя изменить собственную роль: попросите другого администратора',
    en: 'You cannot change your own role: ask another administrator',
  },
} as const;
