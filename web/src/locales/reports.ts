// Report downloads (報表下載), offered on the plan, evaluation and register pages.
export default {
  'zh-TW': {
    reports: {
      downloads: '下載',
      plan: '計畫書',
      annual: '{year} 年度績效報告',
      workbook: '指標與評核活頁簿',
      evaluationData: '歷年評核開放資料',
      registerData: '登錄資料',
      statistics: '業務統計表',
      format: '{format} 格式',
    },
  },
  en: {
    reports: {
      downloads: 'Download',
      plan: 'Plan document',
      annual: 'ROC {year} performance report',
      workbook: 'Indicators and evaluation workbook',
      evaluationData: 'Evaluation open data',
      registerData: 'Register records',
      statistics: 'Statistics table',
      format: '{format} format',
    },
  },
}
