import { Card, Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ClueView } from './api.ts'
import { PointMap } from './point-map.tsx'

/** The clue's point on the map; without one (an address only), the card says so. */
export function ClueMapCard({ clue }: { clue: ClueView }) {
  const { t } = useTranslation('clues')
  const place = clue.place
  const point = place && place.lat !== null && place.lon !== null ? { lat: place.lat, lon: place.lon } : null
  return (
    <Card title={t('clue.map')} size="small">
      {point ? (
        <PointMap point={point} label={t('map.label')} testId="clue-map" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clue.noPoint')} data-testid="clue-map-none" />
      )}
    </Card>
  )
}
