// Typing kits and the autosomal loci each one types. Only kits whose locus lists we are sure of are listed: a
// wrong list would make a profile look incomplete (or complete) when it is not. Add a kit only with its
// manufacturer's locus list at hand.
//
// Left out on purpose, for want of a locus list we could check here: AGCU Expressmarker 22 and other AGCU kits,
// Goldeneye 25A, Microreader kits, DNATyper kits, Investigator 24plex. Y-STR kits are in `ystr.ts`.
import { normaliseLocus } from './loci.ts'

export interface KitInfo {
  id: string
  name: string
  maker: string
  /** Autosomal STR loci, canonical names, in no particular order. */
  loci: readonly string[]
  hasAmelogenin: boolean
  /** Y markers typed alongside (`DYS391`, `Yindel`); they are not autosomal and not counted in `loci`. */
  yMarkers: readonly string[]
}

const CODIS_13 = [
  'CSF1PO',
  'D3S1358',
  'D5S818',
  'D7S820',
  'D8S1179',
  'D13S317',
  'D16S539',
  'D18S51',
  'D21S11',
  'FGA',
  'TH01',
  'TPOX',
  'vWA',
] as const
const CODIS_20 = [...CODIS_13, 'D1S1656', 'D2S441', 'D2S1338', 'D10S1248', 'D12S391', 'D19S433', 'D22S1045'] as const

export const KITS: readonly KitInfo[] = [
  {
    id: 'identifiler',
    name: 'AmpFLSTR Identifiler',
    maker: 'Applied Biosystems (Thermo Fisher)',
    loci: [...CODIS_13, 'D2S1338', 'D19S433'],
    hasAmelogenin: true,
    yMarkers: [],
  },
  {
    // Same 15 loci as Identifiler, new chemistry.
    id: 'identifiler-plus',
    name: 'AmpFLSTR Identifiler Plus',
    maker: 'Applied Biosystems (Thermo Fisher)',
    loci: [...CODIS_13, 'D2S1338', 'D19S433'],
    hasAmelogenin: true,
    yMarkers: [],
  },
  {
    // Made for the Chinese market: drops TH01 and TPOX for D6S1043 and D12S391. Checked against a GeneMapper
    // export of the Sinofiler_v1 panel (15 STRs + AMEL).
    id: 'sinofiler',
    name: 'AmpFLSTR Sinofiler',
    maker: 'Applied Biosystems (Thermo Fisher)',
    loci: [
      'D8S1179',
      'D21S11',
      'D7S820',
      'CSF1PO',
      'D3S1358',
      'D5S818',
      'D13S317',
      'D16S539',
      'D2S1338',
      'D19S433',
      'vWA',
      'D12S391',
      'D18S51',
      'D6S1043',
      'FGA',
    ],
    hasAmelogenin: true,
    yMarkers: [],
  },
  {
    id: 'globalfiler',
    name: 'GlobalFiler',
    maker: 'Applied Biosystems (Thermo Fisher)',
    loci: [...CODIS_20, 'SE33'],
    hasAmelogenin: true,
    yMarkers: ['DYS391', 'Yindel'],
  },
  {
    id: 'powerplex-16',
    name: 'PowerPlex 16',
    maker: 'Promega',
    loci: [...CODIS_13, 'Penta D', 'Penta E'],
    hasAmelogenin: true,
    yMarkers: [],
  },
  {
    id: 'powerplex-21',
    name: 'PowerPlex 21',
    maker: 'Promega',
    loci: [...CODIS_13, 'D1S1656', 'D2S1338', 'D6S1043', 'D12S391', 'D19S433', 'Penta D', 'Penta E'],
    hasAmelogenin: true,
    yMarkers: [],
  },
  {
    id: 'powerplex-fusion',
    name: 'PowerPlex Fusion',
    maker: 'Promega',
    loci: [...CODIS_20, 'Penta D', 'Penta E'],
    hasAmelogenin: true,
    yMarkers: ['DYS391'],
  },
  {
    // Fusion plus SE33 and two more Y-STRs; from memory of Promega's description (23 autosomal STRs, 3 Y-STRs,
    // amelogenin), not from a document checked here.
    id: 'powerplex-fusion-6c',
    name: 'PowerPlex Fusion 6C',
    maker: 'Promega',
    loci: [...CODIS_20, 'Penta D', 'Penta E', 'SE33'],
    hasAmelogenin: true,
    yMarkers: ['DYS391', 'DYS570', 'DYS576'],
  },
  {
    // 13 CODIS loci + D2S1338, D19S433, D12S391, D6S1043, Penta D, Penta E (the union of Identifiler, Sinofiler and
    // PowerPlex 16), as described in its validation papers.
    id: 'goldeneye-20a',
    name: 'Goldeneye DNA ID System 20A',
    maker: 'Peoplespot (Beijing)',
    loci: [...CODIS_13, 'D2S1338', 'D19S433', 'D12S391', 'D6S1043', 'Penta D', 'Penta E'],
    hasAmelogenin: true,
    yMarkers: [],
  },
]

const BY_KEY = new Map(KITS.map((kit) => [kitKey(kit.id), kit]))
for (const kit of KITS) BY_KEY.set(kitKey(kit.name), kit)

function kitKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^ampflstr\s*/, '')
    .replace(/[\s_\-./™®]+/g, '')
}

/** The kit for an id or a name as labs write it (`GlobalFiler`, `PowerPlex 21`, `PP21` is not guessed). */
export function findKit(raw: string): KitInfo | null {
  return BY_KEY.get(kitKey(raw)) ?? null
}

/** The loci of `genotyped` a kit does not type: a profile naming a kit it cannot have come from deserves a look. */
export function lociOutsideKit(kit: KitInfo, genotyped: Iterable<string>): string[] {
  const typed = new Set(kit.loci)
  const outside: string[] = []
  for (const raw of genotyped) {
    const locus = normaliseLocus(raw)
    if (locus !== null && !typed.has(locus)) outside.push(locus)
  }
  return outside
}
