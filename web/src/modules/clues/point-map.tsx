import { useEffect, useRef, useState } from 'react'
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import 'leaflet/dist/leaflet.css'
import { getMapConfig } from '../alerts/api.ts'

export interface Point {
  lat: number
  lon: number
}

/** Where the map opens when there is no point yet: the whole country. */
const CHINA: Point = { lat: 35, lon: 105 }
/** Five decimals is about a metre: a tap on a phone is far coarser than that. */
const round = (degrees: number) => Math.round(degrees * 1e5) / 1e5

interface PointMapProps {
  point: Point | null
  /** Where to look before a point is set (an alert's last-seen place). */
  center?: Point | null
  /** Makes the map a picker: a tap or click sets the point. */
  onPick?: (point: Point) => void
  label: string
  testId: string
}

/**
 * One point on a Leaflet map, shown or picked. The point is an SVG marker, drawn whether or not the background
 * tiles load, so that a map on an intranet without a tile server still works as a picker and shows the spot.
 */
export function PointMap({ point, center, onPick, label, testId }: PointMapProps) {
  const { t } = useTranslation('clues')
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<import('leaflet').Map | null>(null)
  const marker = useRef<import('leaflet').CircleMarker | null>(null)
  const leaflet = useRef<typeof import('leaflet') | null>(null)
  const pick = useRef(onPick)
  const [isReady, setIsReady] = useState(false)
  const [hasNoTiles, setHasNoTiles] = useState(false)
  useEffect(() => {
    pick.current = onPick
  })

  useEffect(() => {
    let isCurrent = true
    const draw = async () => {
      const L = await import('leaflet')
      if (!isCurrent || !container.current) return
      const start = point ?? center
      const created = L.map(container.current, {
        center: start ? [start.lat, start.lon] : [CHINA.lat, CHINA.lon],
        zoom: point ? 14 : start ? 11 : 4,
        scrollWheelZoom: false,
      })
      getMapConfig().then(
        (config) => isCurrent && L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 18 }).addTo(created),
        () => isCurrent && setHasNoTiles(true),
      )
      created.on('click', (event) => pick.current?.({ lat: round(event.latlng.lat), lon: round(event.latlng.lng) }))
      leaflet.current = L
      map.current = created
      setIsReady(true)
    }
    void draw()
    return () => {
      isCurrent = false
      map.current?.remove()
      map.current = null
      marker.current = null
    }
    // The map is built once; the point moves on it (below) and the centre only matters before there is one.
  }, [])

  useEffect(() => {
    const L = leaflet.current
    if (!isReady || !L || !map.current) return
    marker.current?.remove()
    marker.current = null
    if (!point) return
    marker.current = L.circleMarker([point.lat, point.lon], {
      radius: 8,
      color: '#fff',
      weight: 2,
      fillColor: '#cf1322',
      fillOpacity: 1,
      className: 'ty-clue-point',
    }).addTo(map.current)
    if (!map.current.getBounds().contains([point.lat, point.lon]))
      map.current.setView([point.lat, point.lon], Math.max(map.current.getZoom(), 11))
  }, [isReady, point?.lat, point?.lon])

  useEffect(() => {
    if (isReady && !point && center) map.current?.setView([center.lat, center.lon], 11)
  }, [isReady, center?.lat, center?.lon])

  return (
    <>
      {hasNoTiles && <Alert type="info" showIcon title={t('map.noTiles')} style={{ marginBottom: 8 }} />}
      <div
        ref={container}
        className={onPick ? 'ty-clue-map ty-clue-map-picker' : 'ty-clue-map'}
        data-testid={testId}
        role={onPick ? 'application' : 'img'}
        aria-label={label}
      />
    </>
  )
}
