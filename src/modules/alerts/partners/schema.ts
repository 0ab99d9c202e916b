// The API shapes of alert partners. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'

const Name = Type.String({ minLength: 2, maxLength: 100 })
const EndpointUrl = Type.String({
  minLength: 8,
  maxLength: 2000,
  description: 'https URL on the public internet that receives the signed webhooks (Standard Webhooks)',
})

export const PartnerCreate = Type.Object({ name: Name, endpointUrl: EndpointUrl }, { additionalProperties: false })
export type PartnerCreate = Static<typeof PartnerCreate>

/** Changed fields only. */
export const PartnerUpdate = Type.Partial(Type.Object({ name: Name, endpointUrl: EndpointUrl, active: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
})
export type PartnerUpdate = Static<typeof PartnerUpdate>

/** A partner as listed: never its secret. */
export const PartnerView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  endpointUrl: Type.String(),
  active: Type.Boolean(),
  previousSecretExpiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'after a rotation, deliveries are signed with the old secret too until then',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type PartnerView = Static<typeof PartnerView>

/** The answer to creating a partner or rotating its secret: the only time the secret is shown. */
export const PartnerWithSecret = Type.Object({
  partner: PartnerView,
  secret: Type.String({ description: '`whsec_` + base64 of 32 random bytes; give it to the partner, it is not shown again' }),
})
export type PartnerWithSecret = Static<typeof PartnerWithSecret>

export const PartnerIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
