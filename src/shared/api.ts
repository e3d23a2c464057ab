/**
 * The one API shape both bridges serve (DESIGN.md §1): Electron's preload (the page's `sorot` object, one
 * method per channel) and `sorot serve`'s HTTP, both behind the renderer's api.ts. Types and
 * zod-free helpers only, so the sandboxed preload bundles no zod.
 */
import { CHANNELS, isChannel, type Channel } from './channels'
import type { ChannelInput, ChannelResult } from './contract'
import type { SorotEvent } from './model'
import { fail, type Result } from './result'
import type { SaveFileRequest, SaveFilesRequest, SaveOutcome } from './save-requests'

/** Calls one channel; every bridge answers with the channel's Result, never a thrown error. */
export type ChannelCall = <C extends Channel>(
  channel: C,
  input: ChannelInput<C>
) => Promise<ChannelResult<C>>

/** What the renderer reaches the core with, whichever bridge carries it. */
export interface SorotApi {
  call: ChannelCall
  subscribe(listener: (event: SorotEvent) => void): () => void
  /** Saves a file: the OS save dialog in Electron, a download in a browser. */
  saveFile(request: SaveFileRequest): Promise<Result<SaveOutcome>>
  /** Saves several files: into a chosen folder in Electron, one download each in a browser. */
  saveFiles(request: SaveFilesRequest): Promise<Result<SaveOutcome>>
}

type Noun<C> = C extends `${infer N}.${string}` ? N : never
type VerbOf<C, N extends string> = C extends `${N}.${infer V}` ? V : never

/** One method per channel, grouped by noun: `sorot.articles.list(input)`. */
export type ChannelMethods = {
  [N in Noun<Channel>]: {
    [V in VerbOf<Channel, N>]: `${N}.${V}` extends infer C extends Channel
      ? (input?: ChannelInput<C>) => Promise<ChannelResult<C>>
      : never
  }
}

/** The object the preload exposes to the page as `sorot`: the channel methods, saves and events. */
export type SorotBridge = ChannelMethods &
  Pick<SorotApi, 'saveFile' | 'saveFiles'> & { onEvent: SorotApi['subscribe'] }

/** A function that carries one channel's input over a bridge and resolves with its answer. */
type Carry = (channel: Channel, input: unknown) => Promise<unknown>

/** Builds the page's `sorot` channel methods over one carrier (the preload's IPC). */
export function groupByNoun(carry: Carry): ChannelMethods {
  const groups: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNELS) {
    const [noun, verb] = channel.split('.')
    groups[noun] ??= {}
    groups[noun][verb] = (input?: unknown) => carry(channel, input ?? {})
  }
  // The loop above makes exactly ChannelMethods' keys from CHANNELS; TypeScript cannot follow it.
  return groups as ChannelMethods
}

type ChannelMethod<C extends Channel> = (input: ChannelInput<C>) => Promise<ChannelResult<C>>

/** The page's `sorot` channel methods as one typed `call` (the renderer's Electron bridge). */
export function callThrough(methods: ChannelMethods): ChannelCall {
  const byChannel: { [C in Channel]?: ChannelMethod<C> } = {}
  for (const [noun, group] of Object.entries(methods))
    for (const [verb, method] of Object.entries(group)) {
      const channel = `${noun}.${verb}`
      if (isChannel(channel)) byChannel[channel] = method
    }
  return (channel, input) => {
    const method = byChannel[channel]
    return method
      ? method(input)
      : Promise.resolve(fail('unknown_channel', `The bridge has no method for ${channel}`))
  }
}
