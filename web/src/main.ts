import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { setUnauthorizedHandler } from './api/client'
import { i18n } from './i18n'
import { forgetSession } from './lib/session'
import { router } from './router'

setUnauthorizedHandler(() => {
  forgetSession()
  if (router.currentRoute.value.name !== 'login')
    router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } })
})

createApp(App).use(i18n).use(router).mount('#app')
