// A milestone's stages in the page's language: a stage as an option (「規劃設計（25%）」),
// an actual value with the stage it reached (「25%（規劃設計）」), and why a value that is
// no stage's percentage counts as no value, listing the plan's stages. Worded here from
// the numbers rather than from the server's English note.
import { useI18n } from 'vue-i18n'
import { formatPercentNumber, type Stage } from '../lib/milestone'

export function useMilestoneText() {
  const { t } = useI18n()

  const option = (stage: Stage) => t('milestone.option', { name: stage.name, percent: formatPercentNumber(stage.percent) })

  // `text` is the value as the page shows it; unchanged without a stage.
  const reached = (text: string, stage: string | null | undefined) => (stage ? t('milestone.reached', { value: text, stage }) : text)

  const notAStage = (value: number, stages: readonly Stage[]) =>
    stages.length
      ? t('milestone.notAStage', { value: formatPercentNumber(value), stages: stages.map(option).join(t('milestone.separator')) })
      : t('milestone.notAStageBare', { value: formatPercentNumber(value) })

  return { option, reached, notAStage }
}
