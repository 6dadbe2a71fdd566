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
    },
  },
}
