import { z } from 'zod'

/*
 * Site knowledge as data (as Zotero translators and trafilatura keep theirs): one plain object
 * per outlet in ./outlets, checked by this schema when first needed (outlet-registry.ts). This
 * file is the rules' shape only, so the outlet files can import it without a cycle.
 */

const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source, 'iu')
    return true
  } catch {
    return false
  }
}, 'not a valid regular expression')

export const outletRuleSchema = z
  .object({
    /** File name and key: lower-case, as the outlet is known. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The outlet's name as a reader knows it (shown in the library). */
    name: z.string().min(1),
    /** Hosts the outlet publishes on; subdomains match too. */
    hosts: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1),
    /** `og:site_name` values that name it, lower-case. */
    siteNames: z.array(z.string().min(1)),
    /** Where the article's text is, most specific first. */
    body: z.array(z.string().min(1)).min(1),
    /** Furniture inside or around the body to drop, by selector. */
    drop: z.array(z.string().min(1)),
    /** Furniture lines to drop, by text: whole-line patterns (case-insensitive). */
    dropText: z.array(regexSource),
    byline: z.object({
      /** Where the byline is shown. */
      selectors: z.array(z.string().min(1)),
      /** Its forms, each with a `name` group ("Penulis: (?<name>…)"). */
      forms: z.array(regexSource)
    }),
    /** Decorations of the page title to strip (" - Kompas.com"). */
    titleDecorations: z.array(regexSource),
    /** How the page writes its date, for the reader of this file (e.g. "Senin, 12 Agu 2024 14:30 WIB"). */
    dateFormat: z.string().min(1),
    /** Where the date is shown, when the page's metadata does not give it. */
    dates: z.array(z.string().min(1)).optional(),
    /** Names of the company or site that are never an author. */
    publishers: z.array(z.string().min(1))
  })
  .strict()

export type OutletRuleData = z.input<typeof outletRuleSchema>

/** A rule ready to apply: its patterns compiled. */
export interface OutletRule extends Omit<
  z.output<typeof outletRuleSchema>,
  'dropText' | 'byline' | 'titleDecorations'
> {
  dropText: RegExp[]
  byline: { selectors: string[]; forms: RegExp[] }
  titleDecorations: RegExp[]
}

/** A rule's data, validated and its patterns compiled; names the bad field when invalid. */
export function compileOutletRule(data: OutletRuleData): OutletRule {
  const rule = outletRuleSchema.parse(data)
  return {
    ...rule,
    dropText: rule.dropText.map((source) => new RegExp(`^(?:${source})$`, 'iu')),
    byline: {
      selectors: rule.byline.selectors,
      forms: rule.byline.forms.map((source) => new RegExp(source, 'iu'))
    },
    titleDecorations: rule.titleDecorations.map((source) => new RegExp(source, 'iu'))
  }
}
