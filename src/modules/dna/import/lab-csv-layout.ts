// Which shape a lab export has, read from its header line.
//   long  (GeneMapper / GeneMarker "Export Table"): Sample Name, Marker, Allele 1, Allele 2, … one row per
//         sample × marker; Sample File, Panel, Dye, Size n, Height n, Peak Area n… are ignored.
//   wide  (LIMS / spreadsheet): a sample-id column, then one column per locus ("12,13" or "12/13"), or paired
//         columns D8S1179_1 / D8S1179_2 or "D8S1179 Allele 1" / "D8S1179 Allele 2".
import { invalid } from '../../../platform/errors.ts'
import { classifyMarker } from './rules.ts'

export interface LongLayout {
  shape: 'long'
  sample: number
  marker: number
  alleles: number[]
}

/** Columns holding one marker: one column, or the paired/numbered allele columns of that marker. */
export interface MarkerColumns {
  marker: string
  columns: number[]
}

export interface WideLayout {
  shape: 'wide'
  sample: number
  markers: MarkerColumns[]
  /** Header cells that are neither a marker nor a known non-genotype column. */
  unknown: { column: number; name: string }[]
}

export type Layout = LongLayout | WideLayout

const headerKey = (cell: string): string =>
  cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '')

const SAMPLE_HEADERS = new Set([
  'samplename',
  'sample',
  'sampleid',
  'samplecode',
  'sampleno',
  'samplenumber',
  '样本编号',
  '样本名称',
  '样本名',
  '样本',
  '样品编号',
  '样品名称',
])
const MARKER_HEADERS = new Set(['marker', 'markername', 'locus', '基因座'])
const ALLELE_HEADER = /^(?:allele|等位基因)(\d+)$/

// Columns of wide exports that carry no genotype. Anything else that is not a marker is reported once.
const OTHER_HEADERS = new Set([
  'samplefile',
  'samplefilename',
  'panel',
  'kit',
  'lab',
  'laboratory',
  'dye',
  'comment',
  'comments',
  'note',
  'notes',
  'run',
  'runname',
  'rundate',
  'date',
  'well',
  'plate',
  'batch',
  'operator',
  'sampletype',
  'type',
  'status',
  'qc',
  '试剂盒',
  '备注',
  '实验室',
  '日期',
])
const OTHER_HEADER_PATTERN = /^(?:size|height|peakarea|area|datapoint)\d*$/

// "D8S1179_1", "D8S1179 2", "D8S1179 Allele 1", "Penta D-allele2": a marker name, then which allele.
const PAIRED_HEADER = /^(.+?)(?:[\s_\-.]*allele[\s_\-.]*|[\s_\-.]+)([1-9])$/i

type MarkerId = string

function markerId(name: string): MarkerId | 'ignored' | null {
  const kind = classifyMarker(name)
  if (kind.kind === 'autosomal') return `A:${kind.locus}`
  if (kind.kind === 'y') return `Y:${kind.locus}`
  if (kind.kind === 'amelogenin') return 'AMEL'
  return kind.kind === 'ignored' ? 'ignored' : null
}

/** The marker a wide-form column belongs to: its whole name first, then as a numbered allele column. */
function wideColumn(cell: string): { id: MarkerId | 'ignored'; marker: string } | null {
  const whole = markerId(cell)
  if (whole !== null) return { id: whole, marker: cell }
  const paired = PAIRED_HEADER.exec(cell.trim())
  const base = paired ? markerId(paired[1]) : null
  return paired && base !== null ? { id: base, marker: paired[1] } : null
}

function longLayout(keys: string[]): LongLayout | null {
  const marker = keys.findIndex((k) => MARKER_HEADERS.has(k))
  const alleles = keys.flatMap((k, i) => (ALLELE_HEADER.test(k) ? [i] : []))
  if (marker < 0 || alleles.length === 0) return null
  const sample = keys.findIndex((k) => SAMPLE_HEADERS.has(k))
  if (sample < 0) throw invalid('dna.import.no_sample_column', 'the header has Marker and Allele columns but no Sample Name column')
  return { shape: 'long', sample, marker, alleles }
}

function wideLayout(header: string[], keys: string[]): WideLayout | null {
  const named = keys.findIndex((k) => SAMPLE_HEADERS.has(k))
  const sample = named >= 0 ? named : 0
  const byId = new Map<MarkerId, MarkerColumns>()
  const unknown: WideLayout['unknown'] = []
  header.forEach((cell, column) => {
    if (column === sample || keys[column] === '' || OTHER_HEADERS.has(keys[column]) || OTHER_HEADER_PATTERN.test(keys[column])) return
    const found = wideColumn(cell)
    if (found === null) unknown.push({ column, name: cell.trim() })
    else if (found.id !== 'ignored') {
      const group = byId.get(found.id) ?? { marker: found.marker, columns: [] }
      group.columns.push(column)
      byId.set(found.id, group)
    }
  })
  if (byId.size === 0) return null
  if (named < 0 && wideColumn(header[0]) !== null) {
    throw invalid('dna.import.no_sample_column', 'the first column is a marker and no column is named as the sample id')
  }
  return { shape: 'wide', sample, markers: [...byId.values()], unknown }
}

/** Reads the header line; throws `dna.import.unrecognised_header` when it is neither shape. */
export function detectLayout(header: string[]): Layout {
  const keys = header.map(headerKey)
  const layout = longLayout(keys) ?? wideLayout(header, keys)
  if (layout === null) {
    throw invalid('dna.import.unrecognised_header', `no marker columns in the header: ${header.slice(0, 8).join(', ')}`)
  }
  return layout
}
