import { useCallback, useEffect, useState } from 'react'
import type { TagInfo } from '@shared/model'
import { api } from '@renderer/api'

/** The library's tags with colours and counts, reloaded whenever the library changes. */
export function useTags(): { tags: TagInfo[]; reload: () => void } {
  const [tags, setTags] = useState<TagInfo[]>([])
  const reload = useCallback((): void => {
    void api.call('tags.list', {}).then((result) => result.ok && setTags(result.value))
  }, [])
  useEffect(() => {
    reload()
    return api.subscribe((event) => {
      if (event.type === 'library.changed') reload()
    })
  }, [reload])
  return { tags, reload }
}
