export const authMessages = {
  ru: {
    title: 'Вход в PD Desk',
    subtitle: 'Учёт обработки персональных данных клиники',
    login: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    required: 'Заполните поле',
  },
  en: {
    title: 'Sign in to PD Desk',
    subtitle: "The clinic's personal-data desk",
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    required: 'Required',
  },
};
