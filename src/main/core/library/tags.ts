import type { ArticleMeta, TagInfo } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import type { LibraryStore } from '../store/library-store'
import { ownValue } from '../../../shared/own'
import type { AnnotationColor } from '../../../shared/annotations'
import type { Emit } from '../events'

/** A tag as the reader typed it, with its white space tidied. */
const cleanTag = (tag: string): string => tag.replace(/\s+/g, ' ').trim()

/** Tags compare without regard to case: "Pemilu" and "pemilu" are one tag. */
const sameTag = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase()

/** Every tag on a live article, with its colour and count, by name. */
export function listTags(store: LibraryStore): TagInfo[] {
  const counts = new Map<string, number>()
  for (const meta of store.index.data.articles) {
    if (meta.deletedAt) continue
    for (const tag of meta.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  }
  const colors = store.index.data.tagColors ?? {}
  return [...counts]
    .map(([name, count]) => ({ name, color: ownValue(colors, name) ?? null, count }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** Adds and removes tags on several articles at once (the library's bulk tagging). */
export async function tagArticles(
  store: LibraryStore,
  ids: readonly string[],
  change: { add?: readonly string[]; remove?: readonly string[] },
  emit: Emit
): Promise<ArticleMeta[]> {
  for (const id of ids) store.requireArticleMeta(id)
  const add = (change.add ?? []).map(cleanTag).filter(Boolean)
  const remove = (change.remove ?? []).map(cleanTag).filter(Boolean)
  const wanted = new Set(ids)
  await store.index.update((index) => {
    // A tag already in the library keeps the spelling it has there.
    const known = index.articles.flatMap((meta) => meta.tags ?? [])
    const spelled = add.map((tag) => known.find((k) => sameTag(k, tag)) ?? tag)
    for (const meta of index.articles) {
      if (!wanted.has(meta.id)) continue
      let tags = (meta.tags ?? []).filter((tag) => !remove.some((r) => sameTag(r, tag)))
      for (const tag of spelled) if (!tags.some((t) => sameTag(t, tag))) tags = [...tags, tag]
      meta.tags = tags
      meta.updatedAt = new Date().toISOString()
    }
  })
  emit({ type: 'library.changed' })
  return ids.map((id) => structuredClone(store.requireArticleMeta(id)))
}

/**
 * Renames a tag on every article (merging into a tag of that name when there is one) and/or
 * sets its colour (null takes the colour away).
 */
export async function renameTag(
  store: LibraryStore,
  name: string,
  change: { to?: string; color?: AnnotationColor | null },
  emit: Emit
): Promise<TagInfo[]> {
  const from = cleanTag(name)
  const actual = store.index.data.articles
    .flatMap((meta) => meta.tags ?? [])
    .find((tag) => sameTag(tag, from))
  if (actual === undefined) throw new SorotFailure('not_found', `No article has the tag "${from}"`)
  const to = change.to === undefined ? undefined : cleanTag(change.to)
  if (to === '') throw new SorotFailure('bad_input', 'to: a tag needs a name')
  await store.index.update((index) => {
    const colors: Record<string, AnnotationColor> = Object.assign(
      Object.create(null),
      index.tagColors
    )
    const current = Object.keys(colors).find((key) => sameTag(key, from))
    const color =
      change.color !== undefined ? change.color : current ? ownValue(colors, current) : null
    if (current) delete colors[current]
    const target = to ?? actual
    if (to !== undefined) {
      for (const meta of index.articles) {
        if (!(meta.tags ?? []).some((tag) => sameTag(tag, from))) continue
        const rest = (meta.tags ?? []).filter((tag) => !sameTag(tag, from) && !sameTag(tag, to))
        meta.tags = [...rest, to]
      }
    }
    if (color) colors[target] = color
    index.tagColors = { ...colors }
  })
  emit({ type: 'library.changed' })
  return listTags(store)
}
