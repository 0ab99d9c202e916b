import { useEffect, useRef, useState } from 'react'
import { Alert, Flex, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import 'leaflet/dist/leaflet.css'
import { getMapConfig } from './api.ts'
import type { Ring, RingState } from './rings.ts'

const STYLE: Record<RingState, { color: string; weight: number; dashArray?: string; fillOpacity: number }> = {
  current: { color: '#cf1322', weight: 3, fillOpacity: 0.08 },
  past: { color: '#d46b08', weight: 1.5, dashArray: '6 6', fillOpacity: 0 },
  planned: { color: '#8c8c8c', weight: 1.5, dashArray: '2 6', fillOpacity: 0 },
  skipped: { color: '#bfbfbf', weight: 1, dashArray: '1 8', fillOpacity: 0 },
}

interface RingsMapProps {
  center: { lat: number; lon: number }
  rings: Ring[]
}

/**
 * The alert's rings around the last-seen point on a Leaflet map. The rings are SVG, drawn whether or not the
 * background tiles load (an intranet without a tile server still sees the area).
 */
export function RingsMap({ center, rings }: RingsMapProps) {
  const { t } = useTranslation('alerts')
  const container = useRef<HTMLDivElement>(null)
  const [hasNoTiles, setHasNoTiles] = useState(false)
  const ringKey = rings.map((r) => `${r.radiusKm}:${r.state}`).join(',')

  useEffect(() => {
    let map: import('leaflet').Map | null = null
    let isCurrent = true
    const draw = async () => {
      const L = await import('leaflet')
      if (!isCurrent || !container.current) return
      map = L.map(container.current, { center: [center.lat, center.lon], zoom: 6, scrollWheelZoom: false })
      getMapConfig().then(
        (config) => map && L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 18 }).addTo(map),
        () => setHasNoTiles(true),
      )
      const layers = rings.map((ring) =>
        L.circle([center.lat, center.lon], {
          radius: ring.radiusKm * 1000,
          ...STYLE[ring.state],
          className: `ty-ring ty-ring-${ring.state}`,
        })
          .bindTooltip(ringLabel(ring))
          .addTo(map!),
      )
      L.circleMarker([center.lat, center.lon], { radius: 6, color: '#fff', weight: 2, fillColor: '#cf1322', fillOpacity: 1 })
        .bindTooltip(t('map.lastSeen'))
        .addTo(map)
      const outer = layers[layers.length - 1]
      if (outer) map.fitBounds(outer.getBounds(), { padding: [12, 12] })
    }
    const ringLabel = (ring: Ring) =>
      `${ring.stageNo === null ? t('map.manual') : t('map.stage', { n: ring.stageNo })} · ${t('km', { value: ring.radiusKm })}`
    void draw()
    return () => {
      isCurrent = false
      map?.remove()
    }
    // Redrawn when the point or the rings change, not on every render of the page around it.
  }, [center.lat, center.lon, ringKey, t])

  return (
    <>
      {hasNoTiles && <Alert type="info" showIcon title={t('map.noTiles')} style={{ marginBottom: 8 }} />}
      <div ref={container} className="ty-rings-map" data-testid="alert-map" role="img" aria-label={t('map.label')} />
      <Flex gap={8} wrap style={{ marginTop: 8 }} data-testid="alert-map-legend">
        {rings.map((ring) => (
          <Tag key={ring.radiusKm} color={ring.state === 'current' ? 'red' : ring.state === 'past' ? 'orange' : 'default'}>
            {ring.stageNo === null ? t('map.manual') : t('map.stage', { n: ring.stageNo })} · {t('km', { value: ring.radiusKm })} ·{' '}
            {t(`map.state.${ring.state}`)}
          </Tag>
        ))}
      </Flex>
    </>
  )
}
