import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

export const MapConfig = Type.Object({
  tileUrl: Type.String({ description: 'Leaflet tile URL template: {z}/{x}/{y}, {s} for subdomains' }),
  attribution: Type.String({ description: 'HTML credit line the tile provider requires' }),
})

/** Where the maps get their background tiles: set per installation (an intranet may run its own tile server). */
export const mapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/map-config',
    {
      schema: { security: [], tags: ['alerts (public)'], operationId: 'mapConfig', response: { 200: MapConfig } },
      config: { csrf: false },
    },
    async () => ({ tileUrl: app.platform.config.mapTiles.url, attribution: app.platform.config.mapTiles.attribution }),
  )
}
