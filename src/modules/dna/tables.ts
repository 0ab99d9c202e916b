import { sql } from 'drizzle-orm'
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { at } from '../../platform/db/columns.ts'
import type { DnaIndex, HitMode, HitStatus, PersonCategory, Relation } from './schema.ts'

/** The relatives of one missing child, so that a trio search uses mother and father together. */
export const dnaFamilyGroup = pgTable('dna_family_group', {
  id: uuid().primaryKey().defaultRandom(),
  label: text().notNull(),
  missingCaseRef: text(),
  /** The missing-child case these relatives belong to (cases module; no foreign key across modules). */
  caseId: uuid(),
  unitId: uuid().notNull(),
  divisionCode: text().notNull(),
  createdAt: at().notNull(),
})

/** A sampled person, pseudonymous: who they are lives in `dna_person_identity`. */
export const dnaPerson = pgTable(
  'dna_person',
  {
    id: uuid().primaryKey().defaultRandom(),
    category: text().$type<PersonCategory>().notNull(),
    relation: text().$type<Relation>(),
    familyGroupId: uuid().references(() => dnaFamilyGroup.id),
    unitId: uuid().notNull(),
    divisionCode: text().notNull(),
    consentGivenAt: at(),
    consentDocumentRef: text(),
    /** Set when a confirmed hit ties this person (e.g. a child of unknown origin) to a missing child's family. */
    matchedFamilyGroupId: uuid(),
    matchedByHitId: uuid(),
    createdAt: at().notNull(),
  },
  (t) => [index().on(t.familyGroupId), index('dna_person_division_idx').on(t.divisionCode)],
)

/** Name and ID number of a sampled person: stricter access than the profile (`dna.identity.read`). */
export const dnaPersonIdentity = pgTable('dna_person_identity', {
  personId: uuid()
    .primaryKey()
    .references(() => dnaPerson.id),
  name: text().notNull(),
  sex: text(),
  birthDate: text(),
  idNumber: text(),
  phone: text(),
  address: text(),
})

/** A sample code issued at collection, so that the lab's results find their person. */
export const dnaSampleRegistration = pgTable('dna_sample_registration', {
  sampleCode: text().primaryKey(),
  personId: uuid()
    .notNull()
    .references(() => dnaPerson.id),
  registeredAt: at().notNull(),
})

export const dnaImportBatch = pgTable(
  'dna_import_batch',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Autosomal profiles or Y-STR haplotypes: one combined lab export may be imported as each. */
    kind: text().$type<'profiles' | 'ystr'>().notNull().default('profiles'),
    fileName: text().notNull(),
    /** SHA-256 of the file: importing the same bytes again as the same kind changes nothing (unique among imported batches). */
    digest: text().notNull(),
    status: text().$type<'imported' | 'rejected'>().notNull(),
    samples: integer().notNull(),
    imported: integer().notNull(),
    resampleNeeded: integer().notNull(),
    problems: jsonb().$type<{ line: number; sample: string | null; code: string; reason: string }[]>().notNull(),
    unitId: uuid().notNull(),
    createdAt: at().notNull(),
  },
  (t) => [
    uniqueIndex('dna_import_batch_imported_digest')
      .on(t.kind, t.digest)
      .where(sql`${t.status} = 'imported'`),
  ],
)

/** One sample typed with one kit: autosomal STR genotypes by canonical locus name. */
export const dnaProfile = pgTable(
  'dna_profile',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** A small integer for the in-memory search index, which cannot afford 16-byte ids. */
    searchNo: integer().generatedByDefaultAsIdentity().notNull().unique(),
    sampleCode: text().notNull(),
    personId: uuid().references(() => dnaPerson.id),
    /** The sampled person's category, copied here because the search index decides direction by it. */
    category: text().$type<PersonCategory>().notNull(),
    index: text().$type<DnaIndex>().notNull(),
    kit: text(),
    lab: text(),
    collectionPoint: text(),
    collectedAt: timestamp({ withTimezone: true, precision: 3, mode: 'date' }),
    amelogenin: text(),
    genotypes: jsonb().$type<Record<string, string[]>>().notNull(),
    locusCount: integer().notNull(),
    resampleNeeded: boolean().notNull(),
    flags: jsonb().$type<{ triAllelic: string[]; offLadder: string[] }>().notNull(),
    unitId: uuid().notNull(),
    divisionCode: text().notNull(),
    importBatchId: uuid().references(() => dnaImportBatch.id),
    createdAt: at().notNull(),
  },
  (t) => [uniqueIndex().on(t.index, t.sampleCode), index().on(t.personId), index('dna_profile_division_idx').on(t.divisionCode)],
)

/** Allele frequency tables: shipped ones and those admins load. One is the database's default. */
export const dnaFrequencyTable = pgTable(
  'dna_frequency_table',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().unique(),
    population: text().notNull(),
    sampleSize: integer(),
    source: text().notNull(),
    licence: text().notNull(),
    frequencies: jsonb().$type<Record<string, Record<string, number>>>().notNull(),
    /** Loci present but not to be used, with the reason (e.g. SE33 of the Chinese table: incomplete). */
    disabledLoci: jsonb().$type<Record<string, string>>().notNull(),
    /** For alleles absent from the table, never zero; how it was chosen is in `meta`. */
    minimumFrequency: doublePrecision().notNull(),
    meta: jsonb().$type<Record<string, unknown>>().notNull(),
    isDefault: boolean().notNull().default(false),
    createdAt: at().notNull(),
  },
  (t) => [
    uniqueIndex('dna_frequency_table_one_default')
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
  ],
)

/**
 * A pair (or trio) whose likelihood ratio passed the threshold. The unique key makes re-runs
 * idempotent: the same comparison in the same mode is stored once.
 */
export const dnaHit = pgTable(
  'dna_hit',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stable identity of the comparison: mode plus the sorted profile ids. */
    pairKey: text().notNull().unique(),
    mode: text().$type<HitMode>().notNull(),
    relationship: text().notNull(),
    /** The reference side: relatives' profiles (one, or mother and father for a trio). */
    referenceProfileIds: jsonb().$type<string[]>().notNull(),
    familyGroupId: uuid().references(() => dnaFamilyGroup.id),
    /** The other side: a child of unknown origin, a suspected victim, an unidentified person… */
    candidateProfileId: uuid()
      .notNull()
      .references(() => dnaProfile.id),
    log10Lr: doublePrecision().notNull(),
    perLocus: jsonb().$type<Record<string, number>>().notNull(),
    inconsistentLoci: jsonb().$type<string[]>().notNull(),
    frequencyTable: text().notNull(),
    engineVersion: text().notNull(),
    /** The unit owning the relatives' profile reviews; the candidate's unit sees it too. */
    unitId: uuid().notNull(),
    divisionCode: text().notNull(),
    otherUnitId: uuid().notNull(),
    otherDivisionCode: text().notNull(),
    status: text().$type<HitStatus>().notNull(),
    decisionReason: text(),
    decidedBy: uuid(),
    decidedAt: at(),
    createdAt: at().notNull(),
  },
  (t) => [index().on(t.unitId, t.status), index().on(t.otherUnitId, t.status), index().on(t.candidateProfileId)],
)

/** A Y-STR haplotype, for male-lineage search (男性家族排查). */
export const dnaYstrHaplotype = pgTable(
  'dna_ystr_haplotype',
  {
    id: uuid().primaryKey().defaultRandom(),
    sampleCode: text().notNull().unique(),
    personId: uuid().references(() => dnaPerson.id),
    kit: text(),
    haplotype: jsonb().$type<Record<string, string[]>>().notNull(),
    locusCount: integer().notNull(),
    unitId: uuid().notNull(),
    divisionCode: text().notNull(),
    createdAt: at().notNull(),
  },
  (t) => [index().on(t.personId), index('dna_ystr_division_idx').on(t.divisionCode)],
)

/**
 * Profiles waiting to be searched: written in the import's transaction, removed in the search's, so a
 * profile is searched once whatever crashes or restarts happen between the two.
 */
export const dnaSearchQueue = pgTable('dna_search_queue', {
  searchNo: integer().primaryKey(),
  reason: text().$type<'import' | 'rerun'>().notNull(),
  enqueuedAt: at().notNull(),
})
