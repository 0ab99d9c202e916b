import type { UnitView } from './api.ts'

export type UnitNode = UnitView & { children?: UnitNode[] }

/**
 * Nests units under their parents. A unit whose parent the caller cannot see (outside the
 * jurisdiction) becomes a root, so nothing the server returned goes missing from the tree.
 */
export function buildUnitTree(units: readonly UnitView[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u }]))
  const roots: UnitNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  return roots
}
