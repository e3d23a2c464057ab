import { describe as group, expect, it } from 'vitest'
import { describe } from '../../src/shared/anchoring'
import { anchorThenDescribe } from '../../src/shared/selectors/anchor-describe'

const OLD = 'Hujan deras mengguyur Jakarta. Banjir merendam Kemang pagi ini.'
const NEW = 'Sejak malam, hujan deras mengguyur Jakarta. Banjir merendam Kemang pagi ini.'

group('anchor, then describe', () => {
  it('describes the passage afresh where it now stands in the new text', () => {
    const start = OLD.indexOf('Banjir merendam')
    const selectors = describe(OLD, start, start + 'Banjir merendam Kemang'.length)
    const moved = NEW.indexOf('Banjir merendam')
    expect(anchorThenDescribe(NEW, selectors)).toEqual(
      describe(NEW, moved, moved + 'Banjir merendam Kemang'.length)
    )
  })

  it('gives null when the passage is gone, never a wrong place', () => {
    const start = OLD.indexOf('Hujan')
    const selectors = describe(OLD, start, start + 'Hujan deras mengguyur Jakarta.'.length)
    expect(anchorThenDescribe('Pasar dibuka seperti biasa. Harga cabai turun.', selectors)).toBe(
      null
    )
  })
})
