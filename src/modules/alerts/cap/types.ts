/** The only personal data an alert may carry; nothing else about the child or the family leaves in CAP. */
export interface CapAlertDetails {
  childName: string
  sex: 'male' | 'female' | 'unknown'
  ageYears: number | null
  heightCm: number | null
  clothing: string
  marks: string
  lastSeenAt: Date
  lastSeenPlace: string
  /** GB/T 2260 code of the county (区/县) where the child was last seen. */
  lastSeenDivisionCode: string
  description: string
  contactPhone: string
  photoUrl: string | null
  /** The public alert page. */
  pageUrl: string
}

/** An earlier message this one updates or cancels: the CAP "sender,identifier,sent" triple. */
export interface CapReference {
  sender: string
  identifier: string
  sent: Date
}

export interface CapMessageInput {
  identifier: string
  sender: string
  senderName: string
  sent: Date
  status: 'Actual' | 'Exercise' | 'Test'
  msgType: 'Alert' | 'Update' | 'Cancel'
  references: CapReference[]
  center: { lat: number; lon: number }
  radiusKm: number
  expires: Date | null
  details: CapAlertDetails
  /** Required when msgType is Cancel. */
  cancelReason?: 'found' | 'withdrawn'
}

export interface CapAtomFeedInput {
  /** A permanent IRI for the feed (RFC 4287 atom:id). */
  id: string
  title: string
  updated: Date
  selfUrl: string
  entries: { message: CapMessageInput; url: string }[]
}

export interface CapValidationResult {
  valid: boolean
  errors: string[]
}
