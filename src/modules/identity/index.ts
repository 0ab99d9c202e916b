// The public face of identity: what other modules and the platform may use.
export { unit as unitRef, appUser as userRef, division as divisionRef } from './tables.ts'
export { ensureDivisions, loadDivisions, listDivisions, divisionRelease as currentDivisionRelease } from './divisions.ts'
export { authenticateSession } from './sessions.ts'
export { authenticateApiKey } from './api-keys.ts'
export { getUnitForRead } from './units.ts'
