import { describe, expect, it } from 'vitest'
import {
  jsonLdFields,
  readJsonLdAnnotations,
  type JsonLdEntry,
  type JsonLdItem
} from '../../src/main/core/import/jsonld-reader'

const ARTICLE = 'https://example.com/berita'

/** The one annotation of a document holding `item`. */
function readOne(item: Record<string, unknown>): JsonLdItem {
  return itemOf(readJsonLdAnnotations(JSON.stringify(item))[0])
}

function itemOf(entry: JsonLdEntry): JsonLdItem {
  if (!('item' in entry)) throw new Error('expected an annotation')
  return entry.item
}

describe('W3C JSON-LD reader', () => {
  it('refuses what is not JSON or not an annotation document, naming the field', () => {
    expect(() => readJsonLdAnnotations('{nope')).toThrow(/^content: not valid JSON/)
    expect(() => readJsonLdAnnotations('"text"')).toThrow(/^content: must be a JSON-LD/)
    expect(() => readJsonLdAnnotations('{"type":"Person"}')).toThrow(/not type "Person"/)
  })

  it('reads one annotation, a page, an array and a collection with embedded pages', () => {
    const item = { type: 'Annotation', id: 'urn:x:1', target: ARTICLE }
    expect(readJsonLdAnnotations(JSON.stringify(item))).toHaveLength(1)
    expect(readJsonLdAnnotations(JSON.stringify([item, item]))).toHaveLength(2)
    const page = { '@type': 'AnnotationPage', items: [item] }
    expect(readJsonLdAnnotations(JSON.stringify(page))).toHaveLength(1)
    const collection = {
      type: ['AnnotationCollection'],
      first: { items: [item], next: { items: [item, item] } }
    }
    expect(readJsonLdAnnotations(JSON.stringify(collection))).toHaveLength(3)
  })

  it('keeps an annotation given only by its address apart, with that address', () => {
    expect(readJsonLdAnnotations(JSON.stringify(['urn:x:2', 7]))).toEqual([
      { addressOnly: 'urn:x:2' },
      { addressOnly: null }
    ])
  })

  it('reads quote and position selectors and leaves out what it cannot use', () => {
    const item = readOne({
      type: 'Annotation',
      target: {
        source: { id: ARTICLE },
        styleClass: 'sorot-green',
        selector: [
          { type: 'TextQuoteSelector', exact: 'banjir', prefix: 7 },
          { type: 'TextPositionSelector', start: 3, end: 9 },
          { type: 'TextPositionSelector', start: -1, end: 9 },
          { type: 'CssSelector', value: 'p' },
          'not a selector'
        ]
      }
    })
    expect(item.targets).toEqual([
      {
        source: ARTICLE,
        styleClass: 'sorot-green',
        selectors: [
          { type: 'TextQuoteSelector', exact: 'banjir', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 3, end: 9 }
        ]
      }
    ])
    expect(jsonLdFields(item, item.targets[0])).toMatchObject({ kind: 'highlight', color: 'green' })
  })

  it('sorts bodies by purpose: notes, labels, and a description that names a speaker', () => {
    const item = readOne({
      type: 'Annotation',
      bodyValue: 'catatan',
      body: [
        { type: 'TextualBody', value: 'penting', purpose: 'tagging' },
        { type: 'TextualBody', value: 'Joko Widodo', purpose: 'describing' },
        { type: 'TextualBody', value: 42 }
      ],
      target: { source: ARTICLE, selector: { type: 'TextQuoteSelector', exact: 'kata' } }
    })
    expect(jsonLdFields(item, item.targets[0])).toEqual({
      kind: 'quote',
      color: 'yellow',
      labels: ['penting'],
      note: 'catatan',
      speaker: 'Joko Widodo'
    })
  })

  it('takes Sorot’s own kind and speaker fields over its guesses', () => {
    const item = readOne({
      type: 'Annotation',
      'sorot:kind': 'highlight',
      'urn:sorot:vocab#speaker': null,
      motivation: 'commenting',
      body: { value: 'keterangan', purpose: 'describing' },
      target: { source: ARTICLE, selector: { type: 'TextPositionSelector', start: 0, end: 4 } }
    })
    expect(jsonLdFields(item, item.targets[0])).toMatchObject({
      kind: 'highlight',
      speaker: null,
      note: ''
    })
    const bare = readOne({ type: 'Annotation', motivation: 'commenting', target: ARTICLE })
    expect(jsonLdFields(bare, bare.targets[0])).toMatchObject({ kind: 'note', speaker: undefined })
  })

  it('refuses a forged colour by its field name, and drops invalid dates', () => {
    expect(() =>
      readOne({ type: 'Annotation', id: 'urn:x:9', 'sorot:color': 'red;x', target: ARTICLE })
    ).toThrow(/urn:x:9: sorot:color must be one of/)
    const item = readOne({ type: 'Annotation', created: 'kemarin', modified: '2024-08-12' })
    expect(item).toMatchObject({ created: undefined, modified: '2024-08-12', targets: [] })
  })
})
