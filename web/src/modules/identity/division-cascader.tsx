import { useEffect, useState } from 'react'
import { Cascader } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { listDivisions, type DivisionView } from './api.ts'

export const COUNTRY_CODE = '000000'

export interface DivisionOption {
  value: string
  label: string
  level: DivisionView['level']
  isLeaf: boolean
  children?: DivisionOption[]
}

const toOption = (d: DivisionView): DivisionOption => ({ value: d.code, label: d.name, level: d.level, isLeaf: d.level === 'county' })

interface DivisionCascaderProps {
  id?: string
  value?: string[]
  onChange?: (value: string[], selected: DivisionOption[]) => void
}

/** GB/T 2260 divisions, one level fetched at a time; any level may be picked (a city bureau picks a city). */
export function DivisionCascader({ id, value, onChange }: DivisionCascaderProps) {
  const { t } = useTranslation('identity')
  const reportError = useReportError()
  const [provinces, setProvinces] = useState<DivisionOption[]>([])

  useEffect(() => {
    // Loaded once per mount: the tree of divisions does not depend on the language.
    listDivisions(COUNTRY_CODE).then((rows) => setProvinces(rows.map(toOption)), reportError)
  }, [])

  const options: DivisionOption[] = [
    { value: COUNTRY_CODE, label: t('units.form.wholeCountry'), level: 'country', isLeaf: true },
    ...provinces,
  ]

  const loadData = async (selected: DivisionOption[]) => {
    const target = selected[selected.length - 1]
    if (!target || target.children) return
    try {
      const children = await listDivisions(target.value)
      target.children = children.map(toOption)
      if (children.length === 0) target.isLeaf = true
      setProvinces((current) => [...current])
    } catch (error) {
      reportError(error)
    }
  }

  return (
    <Cascader<DivisionOption>
      id={id}
      options={options}
      value={value}
      loadData={(selected) => void loadData(selected)}
      onChange={(next, selected) => onChange?.(next ?? [], selected ?? [])}
      changeOnSelect
      placeholder={t('units.form.divisionPlaceholder')}
      style={{ width: '100%' }}
    />
  )
}
