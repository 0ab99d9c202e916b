// Every table, for Drizzle's relational queries and drizzle-kit. Modules add theirs here.
export * from '../audit/tables.ts'
export * from '../deadlines/tables.ts'
export * from '../jobs/tables.ts'
export * from '../../modules/identity/tables.ts'
export * from '../../modules/dna/tables.ts'
export * from '../../modules/collection-points/tables.ts'
export * from '../../modules/alerts/tables.ts'
export * from '../../modules/cases/tables.ts'
