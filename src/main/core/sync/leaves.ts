import type { Annotation } from '../../../shared/model'
import type { SyncDoc } from './docs'
import { mergeAnnotations } from './merge'

/** CouchDB's conflicting revisions of one document, merged by the same rules everywhere. */
export function resolveLeaves(docs: SyncDoc[]): SyncDoc {
  return docs.reduce((a, b) => {
    if (a.kind === 'annotation' && b.kind === 'annotation') {
      const merged = mergeAnnotations(
        { ...a.annotation, articleId: '' },
        { ...b.annotation, articleId: '' },
        null
      )
      const { articleId, ...annotation } = merged
      void articleId
      return { ...a, annotation }
    }
    if (a.kind === 'article' && b.kind === 'article') {
      // The version union and newest metadata come out of applyArticle; here, both lists are kept.
      const versions = [
        ...a.versions,
        ...b.versions.filter((v) => !a.versions.some((w) => w.contentHash === v.contentHash))
      ]
      return { ...(a.meta.updatedAt >= b.meta.updatedAt ? a : b), versions }
    }
    return a
  })
}

/** The newest change of an annotation, over its fields' own times. */
export function latestTime(annotation: Annotation): string {
  return [annotation.updatedAt, ...Object.values(annotation.fieldTimes ?? {})]
    .sort()
    .at(-1) as string
}
