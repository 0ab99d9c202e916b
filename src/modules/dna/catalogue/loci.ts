// The autosomal STR loci the database knows: canonical names, chromosomes and the spellings labs use.
// Amelogenin is a sex marker, not an STR locus: it is recognised by `isAmelogenin`, never by `normaliseLocus`.

export interface LocusInfo {
  /** Canonical name, as in the shipped frequency tables (`vWA`, `Penta D`, `D22GATA198B05`). */
  name: string
  chromosome: number
  /** One of the 20 CODIS core loci (the 13 original ones plus the 7 added in 2017). */
  isCodisCore: boolean
  /** Length of the repeat motif in base pairs, only where we are sure; `alleleSteps` assumes 4 otherwise. */
  repeatUnit?: number
  /** Spellings seen in kit software and lab exports; case, spaces, hyphens, dots and underscores never matter. */
  aliases: readonly string[]
}

type Row = [name: string, chromosome: number, aliases?: string[], repeatUnit?: number]

const CODIS_CORE: Row[] = [
  ['CSF1PO', 5, ['CSF1P0', 'HUMCSF1PO'], 4],
  ['D3S1358', 3, [], 4],
  ['D5S818', 5, [], 4],
  ['D7S820', 7, [], 4],
  ['D8S1179', 8, [], 4],
  ['D13S317', 13, [], 4],
  ['D16S539', 16, [], 4],
  ['D18S51', 18, [], 4],
  ['D21S11', 21, [], 4],
  ['FGA', 4, ['FIBRA', 'HUMFIBRA'], 4],
  ['TH01', 11, ['THO1', 'HUMTH01'], 4],
  ['TPOX', 2, ['HUMTPOX', 'TPO'], 4],
  ['vWA', 12, ['VWA31', 'VWA31A', 'HUMVWA', 'HUMVWA31A'], 4],
  ['D1S1656', 1, [], 4],
  ['D2S441', 2, [], 4],
  ['D2S1338', 2, [], 4],
  ['D10S1248', 10, [], 4],
  ['D12S391', 12, [], 4],
  ['D19S433', 19, [], 4],
  ['D22S1045', 22, [], 3],
]

// Loci of kits common in China and the other loci of the shipped tables (chinese.csv: 59 loci; NIST 1036: 29).
// For the extra loci of chinese.csv (many from the NIST 26plex and Chinese supplementary kits) the repeat unit is
// left out rather than guessed.
const OTHER: Row[] = [
  ['Penta D', 21, ['PentaD'], 5],
  ['Penta E', 15, ['PentaE'], 5],
  ['Penta C', 9, ['PentaC'], 5],
  ['D6S1043', 6, [], 4],
  ['SE33', 6, ['ACTBP2', 'HUMACTBP2'], 4],
  ['F13A01', 6, ['F13A1', 'HUMF13A01'], 4],
  ['F13B', 1, ['HUMF13B'], 4],
  ['FESFPS', 15, ['FES/FPS', 'HUMFESFPS'], 4],
  ['LPL', 8, ['HUMLPL', 'HUMLIPOL'], 4],
  ['D6S1017', 6],
  ['D1S1627', 1],
  ['D1GATA113', 1],
  ['D3S4529', 3],
  ['D14S1434', 14],
  ['D4S2408', 4],
  ['D18S853', 18],
  ['D1S1677', 1],
  ['D6S474', 6],
  ['D12ATA63', 12],
  ['D17S1301', 17],
  ['D20S482', 20],
  ['D9S1122', 9],
  ['D2S1776', 2],
  ['D5S2500', 5],
  ['D11S4463', 11],
  ['D10S1435', 10],
  ['D6S477', 6],
  ['D18S535', 18],
  ['D19S253', 19],
  ['D15S659', 15],
  ['D11S2368', 11],
  ['D20S470', 20],
  // chinese.csv's source calls it D22GATA; SOURCE.md explains the inferred full name.
  ['D22GATA198B05', 22, ['D22GATA']],
  ['D7S3048', 7],
  ['D8S1132', 8],
  ['D4S2366', 4],
  ['D21S1270', 21],
  ['D13S325', 13],
  ['D9S925', 9],
  ['D3S3045', 3],
  ['D14S608', 14],
  ['D17S1290', 17],
  ['D7S1517', 7],
  ['D3S1744', 3],
]

const toInfo = ([name, chromosome, aliases = [], repeatUnit]: Row, isCodisCore: boolean): LocusInfo =>
  repeatUnit === undefined ? { name, chromosome, isCodisCore, aliases } : { name, chromosome, isCodisCore, repeatUnit, aliases }

export const AUTOSOMAL_LOCI: readonly LocusInfo[] = [...CODIS_CORE.map((r) => toInfo(r, true)), ...OTHER.map((r) => toInfo(r, false))]

export const CODIS_CORE_LOCI: readonly string[] = CODIS_CORE.map(([name]) => name)

/**
 * The key under which a spelling is looked up: NFKC (full-width letters from Chinese input methods become ASCII),
 * upper case, and no spaces, hyphens, underscores, dots or slashes.
 */
export function markerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s_\-./]+/g, '')
}

function buildIndex(): Map<string, LocusInfo> {
  const index = new Map<string, LocusInfo>()
  for (const info of AUTOSOMAL_LOCI) {
    for (const spelling of [info.name, ...info.aliases]) {
      const key = markerKey(spelling)
      const known = index.get(key)
      // Two loci answering to one spelling would silently merge genotypes: refuse to start instead.
      if (known && known !== info) throw new Error(`locus alias ${spelling} is claimed by ${known.name} and ${info.name}`)
      index.set(key, info)
    }
  }
  return index
}

const BY_KEY = buildIndex()
const AMELOGENIN_KEYS = new Set(['AMEL', 'AMELOGENIN', 'AM', 'AMELO'])

/** The canonical name of an autosomal STR locus, or null when the spelling is unknown (or is amelogenin). */
export function normaliseLocus(raw: string): string | null {
  return BY_KEY.get(markerKey(raw))?.name ?? null
}

/** The catalogue entry for a locus in any known spelling. */
export function getLocus(raw: string): LocusInfo | null {
  return BY_KEY.get(markerKey(raw)) ?? null
}

/** Whether a marker name means amelogenin (`AMEL`, `Amelogenin`, `AM`…). */
export function isAmelogenin(raw: string): boolean {
  return AMELOGENIN_KEYS.has(markerKey(raw))
}
