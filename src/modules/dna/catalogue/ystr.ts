// Y-STR loci for male-lineage search (男性家族排查). Multi-copy loci (DYS385a/b, DYF387S1a/b, DYS527a/b) are
// stored under one name as an unordered, sorted list: which peak a kit labels "a" depends only on size, so
// `DYS385a=14, DYS385b=11` and `DYS385a=11, DYS385b=14` are the same haplotype.
import { markerKey } from './loci.ts'
import { parseAllele, sortAlleles } from './allele.ts'

export interface YLocusInfo {
  name: string
  /** Copies typed at this locus: 1 for most, 2 for DYS385 and DYF387S1. */
  copies: number
  /** Repeat length in bp, only where we are sure. */
  repeatUnit?: number
  aliases: readonly string[]
}

type Row = [name: string, copies: number, repeatUnit?: number, aliases?: string[]]

const ROWS: Row[] = [
  ['DYS19', 1, 4, ['DYS394']],
  ['DYS389I', 1, 4, ['DYS389-1']],
  ['DYS389II', 1, 4, ['DYS389-2']],
  ['DYS390', 1, 4],
  ['DYS391', 1, 4],
  ['DYS392', 1, 3],
  ['DYS393', 1, 4],
  ['DYS385', 2, 4, ['DYS385a/b']],
  ['DYS437', 1, 4],
  ['DYS438', 1, 5],
  ['DYS439', 1, 4],
  ['DYS448', 1, 6],
  ['DYS456', 1, 4],
  ['DYS458', 1, 4],
  ['DYS635', 1, 4],
  ['YGATAH4', 1, 4, ['Y-GATA-H4', 'GATA-H4', 'GATAH4']],
  ['DYS449', 1, 4],
  ['DYS460', 1, 4],
  ['DYS481', 1, 3],
  ['DYS518', 1],
  ['DYS533', 1, 4],
  ['DYS570', 1, 4],
  ['DYS576', 1, 4],
  ['DYS627', 1],
  // The brief and some exports write DYS387S1; the marker is the multi-copy DYF387S1.
  ['DYF387S1', 2, 4, ['DYF387S1a/b', 'DYS387S1']],
  ['DYS549', 1, 4],
  ['DYS643', 1, 5],
  // Seen in Chinese Y-STR kits; recognised by name so their columns are not "unknown", kit lists not claimed.
  ['DYS527', 2, undefined, ['DYS527a/b']],
  ['DYS444', 1],
  ['DYS447', 1],
  ['DYS522', 1],
  ['DYS557', 1],
  ['DYS593', 1],
]

export const Y_LOCI: readonly YLocusInfo[] = ROWS.map(([name, copies, repeatUnit, aliases = []]) =>
  repeatUnit === undefined ? { name, copies, aliases } : { name, copies, repeatUnit, aliases },
)

const BY_KEY = new Map<string, YLocusInfo>()
for (const info of Y_LOCI) for (const spelling of [info.name, ...info.aliases]) BY_KEY.set(markerKey(spelling), info)

// A copy letter after a multi-copy locus: DYS385a, DYS385 b, DYF387S1-a, DYS385ab.
const COPY_SUFFIX = /^(.+?)([A-D]+)$/

function findYLocus(raw: string): YLocusInfo | null {
  const key = markerKey(raw)
  const direct = BY_KEY.get(key)
  if (direct) return direct
  const match = COPY_SUFFIX.exec(key)
  const base = match ? BY_KEY.get(match[1]) : undefined
  return base && base.copies > 1 ? base : null
}

/** The canonical Y-STR locus for a spelling (`DYS385a` → `DYS385`, `Y-GATA-H4` → `YGATAH4`), or null. */
export function normaliseYLocus(raw: string): string | null {
  return findYLocus(raw)?.name ?? null
}

/** Whether a locus is typed as more than one copy, so that its alleles form an unordered list. */
export function isMultiCopy(raw: string): boolean {
  return (findYLocus(raw)?.copies ?? 1) > 1
}

export function getYLocus(raw: string): YLocusInfo | null {
  return findYLocus(raw)
}

export type HaplotypeAlleles = { ok: true; locus: string; alleles: string[] } | { ok: false; reason: string }

/**
 * The alleles a haplotype stores at one locus. Single-copy: exactly one designation. Multi-copy: one (both copies
 * the same: `DYS385 11` = 11,11) or up to `copies` designations, sorted, so the pair is unordered.
 */
export function toHaplotypeAlleles(rawLocus: string, rawAlleles: readonly string[]): HaplotypeAlleles {
  const info = findYLocus(rawLocus)
  if (!info) return { ok: false, reason: `unknown Y-STR locus "${rawLocus}"` }
  const labels: string[] = []
  for (const raw of rawAlleles) {
    const parsed = parseAllele(raw, info.repeatUnit === undefined ? {} : { repeatUnit: info.repeatUnit })
    if (!parsed.ok) return { ok: false, reason: parsed.reason }
    labels.push(parsed.allele)
  }
  if (labels.length === 0) return { ok: false, reason: `no allele at ${info.name}` }
  if (info.copies === 1) {
    // Two different peaks at a single-copy locus is a duplication or a mixture: not a haplotype we can search.
    if (new Set(labels).size > 1) return { ok: false, reason: `${info.name} is single-copy but has alleles ${labels.join(',')}` }
    return { ok: true, locus: info.name, alleles: [labels[0]] }
  }
  if (labels.length > info.copies) return { ok: false, reason: `${info.name} has ${info.copies} copies but ${labels.length} alleles` }
  const filled = labels.length === 1 ? Array<string>(info.copies).fill(labels[0]) : labels
  return { ok: true, locus: info.name, alleles: sortAlleles(filled) }
}

export interface YKitInfo {
  id: string
  name: string
  maker: string
  /** Canonical Y loci; a multi-copy locus appears once (DYS385 covers DYS385a/b). */
  loci: readonly string[]
}

const YFILER = [
  'DYS19',
  'DYS389I',
  'DYS389II',
  'DYS390',
  'DYS391',
  'DYS392',
  'DYS393',
  'DYS385',
  'DYS437',
  'DYS438',
  'DYS439',
  'DYS448',
  'DYS456',
  'DYS458',
  'DYS635',
  'YGATAH4',
] as const

export const Y_KITS: readonly YKitInfo[] = [
  // 17 markers, counting DYS385a/b as two.
  { id: 'yfiler', name: 'AmpFLSTR Yfiler', maker: 'Applied Biosystems (Thermo Fisher)', loci: YFILER },
  {
    // 27 markers, counting DYS385a/b and DYF387S1a/b as two each.
    id: 'yfiler-plus',
    name: 'Yfiler Plus',
    maker: 'Applied Biosystems (Thermo Fisher)',
    loci: [...YFILER, 'DYS449', 'DYS460', 'DYS481', 'DYS518', 'DYS533', 'DYS570', 'DYS576', 'DYS627', 'DYF387S1'],
  },
  {
    // 23 markers: Yfiler's 17 plus six.
    id: 'powerplex-y23',
    name: 'PowerPlex Y23',
    maker: 'Promega',
    loci: [...YFILER, 'DYS481', 'DYS533', 'DYS549', 'DYS570', 'DYS576', 'DYS643'],
  },
]

/** How many markers a kit reports, counting each copy of a multi-copy locus (Yfiler Plus: 27). */
export function countYMarkers(kit: YKitInfo): number {
  return kit.loci.reduce((sum, locus) => sum + (findYLocus(locus)?.copies ?? 1), 0)
}
