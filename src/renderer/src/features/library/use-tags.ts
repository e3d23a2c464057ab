import { useEffect } from 'react'
import type { TagInfo } from '@shared/model'
import { api } from '@renderer/api'
import { createStore, useStore } from '@renderer/state/store'

/** The library's tags with colours and counts, one copy for every screen that shows them. */
const tagsStore = createStore<{ tags: TagInfo[] }>({ tags: [] })

function reloadTags(): void {
  void api
    .call('tags.list', {})
    .then((result) => result.ok && tagsStore.set({ tags: result.value }))
}

/** The library's tags, asked for on mount and again whenever the library changes. */
export function useTags(): { tags: TagInfo[]; reload: () => void } {
  const { tags } = useStore(tagsStore)
  useEffect(() => {
    reloadTags()
    return api.subscribe((event) => {
      if (event.type === 'library.changed') reloadTags()
    })
  }, [])
  return { tags, reload: reloadTags }
}
