import { Button } from 'antd'
import { GlobalOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { changeLanguage, currentLanguage } from '../i18n.ts'

/** One button that flips between 中文 and English; it names the language it switches to. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const next = currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN'
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      onClick={() => void changeLanguage(next)}
      aria-label={t('language.switch')}
    >
      {t(`language.names.${next}`)}
    </Button>
  )
}
