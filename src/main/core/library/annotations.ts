import type { LibraryStore } from '../store/library-store'

/**
 * Re-anchors every annotation of an article onto its newest version; those that cannot be
 * placed become orphans (kept, never dropped). Called after an import adds a new version.
 * (The annotation issue fills this in; until then there are no annotations to move.)
 */
export async function reanchorAnnotations(store: LibraryStore, articleId: string): Promise<void> {
  void store
  void articleId
}
