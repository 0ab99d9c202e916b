import { useEffect, useRef, useState, type CSSProperties } from 'react'
import { Cascader } from 'antd'
import { useReportError } from '../../api/errors.ts'
import type { DivisionView } from './api.ts'

const COUNTRY_CODE = '000000'

interface DivisionOption {
  value: string
  label: string
  isLeaf: boolean
  children?: DivisionOption[]
}

const toOption = (d: DivisionView): DivisionOption => ({ value: d.code, label: d.name, isLeaf: d.level === 'county' })

interface DivisionPickerProps {
  id?: string
  /** The chosen division's code; the path to it is loaded as needed. */
  value?: string | null
  onChange?: (code: string | null) => void
  /** One level of the tree: the signed-in or the public divisions endpoint. */
  load(parent: string): Promise<DivisionView[]>
  placeholder?: string
  size?: 'large' | 'middle' | 'small'
  style?: CSSProperties
}

/**
 * Province → city → county, one level fetched at a time; any level may be picked. Unlike identity's cascader
 * its value is one code, and a code given from outside (a link, a record being edited) opens its path.
 */
export function DivisionPicker({ id, value, onChange, load, placeholder, size, style }: DivisionPickerProps) {
  const reportError = useReportError()
  const [options, setOptions] = useState<DivisionOption[]>([])
  const [path, setPath] = useState<string[]>([])
  const roots = useRef<Promise<DivisionOption[]> | null>(null)

  const loadRoots = () => (roots.current ??= load(COUNTRY_CODE).then((rows) => rows.map(toOption)))

  const fillChildren = async (option: DivisionOption) => {
    if (option.children || option.isLeaf) return
    const children = (await load(option.value)).map(toOption)
    if (children.length) option.children = children
    else option.isLeaf = true
  }

  /** The codes from the province down to `code`, loading each level on the way. */
  const resolvePath = async (tree: DivisionOption[], code: string): Promise<string[]> => {
    const province = tree.find((o) => o.value === `${code.slice(0, 2)}0000`)
    if (!province) return []
    if (province.value === code) return [code]
    await fillChildren(province)
    const below = province.children ?? []
    if (below.some((o) => o.value === code)) return [province.value, code]
    const city = below.find((o) => o.value === `${code.slice(0, 4)}00`)
    if (!city) return [province.value]
    await fillChildren(city)
    return city.children?.some((o) => o.value === code) ? [province.value, city.value, code] : [province.value, city.value]
  }

  useEffect(() => {
    let isCurrent = true
    const sync = async () => {
      const tree = await loadRoots()
      const next = value ? (path[path.length - 1] === value ? path : await resolvePath(tree, value)) : []
      if (!isCurrent) return
      setOptions([...tree])
      setPath(next)
    }
    sync().catch(reportError)
    return () => {
      isCurrent = false
    }
    // Only an outside change of the code needs a new path; the tree is loaded once.
  }, [value])

  const loadData = async (selected: DivisionOption[]) => {
    const target = selected[selected.length - 1]
    if (!target) return
    try {
      await fillChildren(target)
      setOptions((current) => [...current])
    } catch (error) {
      reportError(error)
    }
  }

  return (
    <Cascader<DivisionOption>
      id={id}
      options={options}
      value={path}
      loadData={(selected) => void loadData(selected)}
      onChange={(next) => {
        const codes = (next ?? []).map(String)
        setPath(codes)
        onChange?.(codes[codes.length - 1] ?? null)
      }}
      changeOnSelect
      placeholder={placeholder}
      size={size}
      classNames={{ popup: { root: 'ty-division-popup' } }}
      style={{ width: '100%', ...style }}
    />
  )
}
