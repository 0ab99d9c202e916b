import { useState } from 'react'

export type LocationState = 'idle' | 'locating' | 'denied' | 'unavailable' | 'failed'

export interface Here {
  lat: number
  lon: number
}

/** 0.01° is about a kilometre: plenty for rings of a hundred kilometres and more, too coarse to say where someone lives. */
const round = (degrees: number) => Math.round(degrees * 100) / 100

/** The browser's position, asked for on demand, rounded; the state says why there is none. */
export function useGeolocation() {
  const [state, setState] = useState<LocationState>('idle')
  const locate = () =>
    new Promise<Here | null>((resolve) => {
      if (!window.isSecureContext || !('geolocation' in navigator)) {
        setState('unavailable')
        return resolve(null)
      }
      setState('locating')
      navigator.geolocation.getCurrentPosition(
        (position) => {
          setState('idle')
          resolve({ lat: round(position.coords.latitude), lon: round(position.coords.longitude) })
        },
        (error) => {
          setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed')
          resolve(null)
        },
        { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
      )
    })
  return { state, locate }
}
