import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { collectLabCsv } from './lab-csv.ts'
import { ProfileSubmission, problemsAsFieldErrors, validateProfileSubmission } from './profile-json.ts'

const IDENTIFILER = {
  D8S1179: ['13', '15'],
  D21S11: ['30', '32.2'],
  D7S820: [11, 12],
  CSF1PO: ['10', '12'],
  D3S1358: ['15', '16'],
  THO1: [7, 9.3],
  D13S317: ['8', '11'],
  D16S539: ['9', '11'],
  D2S1338: ['19', '23'],
  D19S433: ['13', '14.2'],
  VWA: ['14', '17'],
  TPOX: ['8'],
  D18S51: ['14', 'OL'],
  D5S818: ['11', '12'],
  FGA: ['22', '24'],
}

describe('ProfileSubmission schema', () => {
  it('accepts a full submission and numbers or strings as alleles', () => {
    const body = {
      sampleCode: 'TY0001',
      kit: 'Identifiler Plus',
      lab: 'Lab 1',
      collectedAt: '2024-03-01',
      amelogenin: 'XY',
      genotypes: IDENTIFILER,
    }
    expect(Value.Check(ProfileSubmission, body)).toBe(true)
  })

  it.each([
    ['an unknown property', { sampleCode: 'A', genotypes: {}, name: 'Zhang San' }],
    ['no sample code', { genotypes: {} }],
    ['an amelogenin outside X/XY/Y', { sampleCode: 'A', amelogenin: 'Z', genotypes: {} }],
    ['an empty allele list', { sampleCode: 'A', genotypes: { vWA: [] } }],
    ['a non-date collection date', { sampleCode: 'A', collectedAt: 'yesterday', genotypes: {} }],
    ['an over-long locus name', { sampleCode: 'A', genotypes: { ['D'.repeat(41)]: ['12'] } }],
  ])('refuses %s', (_, body) => {
    expect(Value.Check(ProfileSubmission, body)).toBe(false)
  })
})

describe('validateProfileSubmission', () => {
  it('normalises loci and alleles like the CSV path', async () => {
    const { profile, problems } = validateProfileSubmission({
      sampleCode: ' TY0001 ',
      kit: 'Identifiler Plus',
      amelogenin: 'XY',
      genotypes: IDENTIFILER,
    })
    expect(problems).toEqual([])
    expect(profile).toMatchObject({
      sampleCode: 'TY0001',
      line: null,
      kit: 'Identifiler Plus',
      amelogenin: 'XY',
      flags: { triAllelic: [], offLadder: ['D18S51'], resampleNeeded: false },
    })
    expect(profile?.genotypes).toMatchObject({ TH01: ['7', '9.3'], vWA: ['14', '17'], TPOX: ['8', '8'], D7S820: ['11', '12'] })

    // The same genotypes through the CSV path give the same profile.
    const csv = [
      'Sample Name,Marker,Allele 1,Allele 2',
      ...Object.entries(IDENTIFILER).map(([l, [a, b = '']]) => `TY0001,${l},${a},${b}`),
      'TY0001,AMEL,X,Y',
    ]
    const { samples } = await collectLabCsv([csv.join('\n')])
    expect(samples[0].genotypes).toEqual(profile?.genotypes)
    expect(samples[0].flags).toEqual(profile?.flags)
  })

  it('reports problems by JSON pointer, and rejects as the CSV path does', () => {
    const { profile, problems } = validateProfileSubmission({
      sampleCode: 'TY0002',
      genotypes: { vWA: ['14', '15', '16'], 'D99/X': ['1'], FGA: ['x'], D8S1179: ['12'] },
    })
    expect(profile).toBeNull()
    expect(problems.map(({ code, severity, path, line }) => ({ code, severity, path, line }))).toEqual([
      { code: 'tri_allelic', severity: 'warning', path: '/genotypes/vWA', line: null },
      { code: 'unknown_locus', severity: 'error', path: '/genotypes/D99~1X', line: null },
      { code: 'malformed_allele', severity: 'error', path: '/genotypes/FGA', line: null },
      { code: 'too_few_loci', severity: 'error', path: '/genotypes', line: null },
    ])
    expect(problemsAsFieldErrors(problems).map((e) => e.path)).toEqual(['/genotypes/D99~1X', '/genotypes/FGA', '/genotypes'])
  })

  it('rejects a blank sample code and an alias given twice with different alleles', () => {
    expect(validateProfileSubmission({ sampleCode: '  ', genotypes: IDENTIFILER }).problems).toMatchObject([
      { code: 'missing_sample_code', path: '/sampleCode' },
    ])
    const twice = validateProfileSubmission({ sampleCode: 'A', genotypes: { ...IDENTIFILER, vWA: ['15', '16'] } })
    expect(twice.profile).toBeNull()
    expect(twice.problems).toMatchObject([{ code: 'duplicate_sample_conflict', path: '/genotypes/vWA', locus: 'vWA' }])
  })

  it('flags a profile below the re-sample threshold and honours configured thresholds', () => {
    const few = Object.fromEntries(Object.entries(IDENTIFILER).slice(0, 8))
    expect(validateProfileSubmission({ sampleCode: 'A', genotypes: few }).profile?.flags.resampleNeeded).toBe(true)
    expect(validateProfileSubmission({ sampleCode: 'A', genotypes: few }, { resampleBelowLoci: 8 }).profile?.flags.resampleNeeded).toBe(
      false,
    )
    expect(() => validateProfileSubmission({ sampleCode: 'A', genotypes: few }, { rejectBelowLoci: 20 })).toThrow(RangeError)
  })
})
