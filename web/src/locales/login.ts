export default {
  'zh-TW': {
    login: { username: '帳號', password: '密碼', submit: '登入', wrong: '帳號或密碼錯誤' },
    password: {
      title: '變更密碼',
      current: '目前密碼',
      fresh: '新密碼（至少 12 個字元）',
      repeat: '再輸入一次新密碼',
      mismatch: '兩次輸入的新密碼不同',
      done: '密碼已變更，其他裝置的登入已結束',
      required: '您的密碼是由管理者設定的。請先設定一組只有您知道的新密碼，才能繼續使用系統。',
    },
  },
  en: {
    login: { username: 'Username', password: 'Password', submit: 'Sign in', wrong: 'Wrong username or password' },
    password: {
      title: 'Change password',
      current: 'Current password',
      fresh: 'New password (at least 12 characters)',
      repeat: 'New password again',
      mismatch: 'The two new passwords differ',
      done: 'Password changed; sessions on other devices have ended',
      required: 'Your password was set by an administrator. Choose a new one that only you know before going on.',
    },
  },
}
