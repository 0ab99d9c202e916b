import { useMemo } from 'react'
import { TreeSelect } from 'antd'
import type { UnitView } from './api.ts'
import { buildUnitTree, type UnitNode } from './unit-tree.ts'

interface TreeOption {
  value: string
  title: string
  children?: TreeOption[]
}

const toOption = (node: UnitNode): TreeOption => ({
  value: node.id,
  title: node.name,
  ...(node.children ? { children: node.children.map(toOption) } : {}),
})

interface UnitSelectProps {
  units: readonly UnitView[]
  value?: string | null
  onChange?: (value: string | null) => void
  placeholder?: string
  allowClear?: boolean
  id?: string
}

/** Picks a unit from the caller's unit tree; searchable by name. */
export function UnitSelect({ units, value, onChange, placeholder, allowClear, id }: UnitSelectProps) {
  const treeData = useMemo(() => buildUnitTree(units).map(toOption), [units])
  return (
    <TreeSelect
      id={id}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={{ width: '100%' }}
    />
  )
}
