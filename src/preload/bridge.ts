import type { Channel } from '../shared/channels'
import type { ChannelInput, ChannelResult } from '../shared/contract'
import type { SorotEvent } from '../shared/model'

type Noun<C> = C extends `${infer N}.${string}` ? N : never
type VerbOf<C, N extends string> = C extends `${N}.${infer V}` ? V : never

/** The object the preload exposes as `window.sorot`: one typed method per channel. */
export type SorotBridge = {
  [N in Noun<Channel>]: {
    [V in VerbOf<Channel, N>]: `${N}.${V}` extends infer C extends Channel
      ? (input: ChannelInput<C>) => Promise<ChannelResult<C>>
      : never
  }
} & {
  onEvent(listener: (event: SorotEvent) => void): () => void
}
