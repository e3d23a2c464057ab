import { tidy, sameText } from './html-metadata'
import type { JunkRule } from './junk-rules'
import type { OutletRule } from './outlet-rules'

/*
 * An outlet rule applied to a parsed page: its byline read, its furniture dropped, its body
 * containers found, its title decorations stripped. Each step gives nothing when the page does
 * not look as the rule expects, and the generic extraction then does the work.
 */

/** Selectors a page cannot parse (a rule newer than the parser) match nothing. */
function all(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector))
  } catch {
    return []
  }
}

/**
 * What any of `selectors` matches, in one walk of the page (a walk per selector was much of a
 * page's cost); each selector alone when the list does not parse.
 */
function anyOf(root: ParentNode, selectors: string[]): Element[] {
  if (selectors.length === 0) return []
  try {
    return Array.from(root.querySelectorAll(selectors.join(', ')))
  } catch {
    return selectors.flatMap((selector) => all(root, selector))
  }
}

/** The byline's names, read where the rule says, in the forms it names; [] when none. */
export function ruleAuthors(document: Document, rule: OutletRule): string[] {
  for (const selector of rule.byline.selectors)
    for (const el of all(document, selector)) {
      const text = tidy(el.textContent ?? '')
      if (!text || text.length > 160) continue
      for (const form of rule.byline.forms) {
        const name = form.exec(text)?.groups?.name
        const names = name ? honestAuthors(splitNames(name), rule, rule.name) : []
        if (names.length) return names
      }
    }
  return []
}

/**
 * Drops the rule's furniture from the page and gives the containers of the article: every
 * match of the first body selector that matches text, outermost only. [] when none does.
 */
export function ruleBody(document: Document, rule: OutletRule): Element[] {
  for (const el of anyOf(document, rule.drop)) el.remove()
  for (const selector of rule.body) {
    const found = all(document.body, selector).filter(
      (el, _, list) =>
        tidy(el.textContent ?? '') !== '' && !list.some((o) => o !== el && o.contains(el))
    )
    if (found.length) return found
  }
  return []
}

/** The rule's furniture lines as junk rules, so each removal is recorded like the others. */
export function ruleJunk(rule: OutletRule): JunkRule[] {
  return rule.dropText.map((line) => ({ name: `outlet:${rule.id}`, line }))
}

/** The date text shown where the rule says, for the date parser; null when none. */
export function ruleDateText(document: Document, rule: OutletRule): string | null {
  for (const selector of rule.dates ?? []) {
    const text = tidy(all(document, selector)[0]?.textContent ?? '')
    if (text && text.length <= 80) return text
  }
  return null
}

/** The title without the outlet's decorations. */
export function ruleTitle(title: string, rule: OutletRule): string {
  const stripped = rule.titleDecorations.reduce((text, pattern) => text.replace(pattern, ''), title)
  return stripped.trim() || title
}

/** Several names in one byline ("A, B dan C"). */
export function splitNames(byline: string): string[] {
  return byline
    .split(/\s*(?:,|;|&|\/|\bdan\b|\band\b)\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

// The companies and sites behind outlets, their handles, and desk codes are never authors.
const PUBLISHER =
  /cyber media|media baru|^pt\.?\s|\bdeveloper\b|\.(?:com|co\.id|id|net|co)$|^(?:redaksi|admin|administrator|tim redaksi)$/i
const CODE = /^[a-z]{2,5}$|^[A-Z]{1,3}$|^\*+$/
// News agencies credited as a story's reporter ("Reporter: Antara", "Sumber: REUTERS").
const AGENCY =
  /^(?:antara(?: news| foto)?|reuters|afp|ap|associated press|xinhua|bernama|kyodo|anadolu|dpa|efe|upi|yonhap)$/i
// Credit words that name no one: "Reporter: Terjemahan" (a translated story).
const NO_ONE = /^(?:terjemahan|penerjemah|translation|siaran pers|rilis|press release)$/i

/** Only persons and named desks: publishers, the outlet, handles and codes are dropped. */
export function honestAuthors(
  names: string[],
  rule: OutletRule | null,
  outlet: string | null
): string[] {
  const honest = names
    .map((name) => tidy(name.replace(/^(?:oleh|by|penulis|reporter|pewarta)\s*:?\s+/i, '')))
    .filter(
      (name) =>
        name.length > 1 &&
        name.length <= 60 &&
        !name.startsWith('@') &&
        !CODE.test(name) &&
        !PUBLISHER.test(name) &&
        !AGENCY.test(name) &&
        !NO_ONE.test(name) &&
        !(outlet && sameText(name, outlet)) &&
        !(rule && [rule.name, ...rule.publishers].some((p) => sameText(p, name))) &&
        !newsroomAccount(name, [outlet, rule?.name, ...(rule?.publishers ?? [])])
    )
  return [...new Set(honest)]
}

/** "staging.otosia.com", "Otosia.com" → "otosia": the name a site's accounts are made of. */
const siteCore = (site: string): string =>
  site
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:(?:www|m|amp|staging|mobile)\.)+/, '')
    .replace(/(?:\.(?:com|co|id|net|org))+$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')

/** The site's newsroom as an account ("redaksiotosia", "Redaksi Otosia", "admin kompas"). */
function newsroomAccount(name: string, sites: Array<string | null | undefined>): boolean {
  const squashed = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  const desk = /^(?:tim)?(?:redaksi|redaktur|admin)(.+?)(?:com|coid|id)?$/u.exec(squashed)
  if (!desk) return false
  return sites.some((site) => !!site && siteCore(site).length > 2 && siteCore(site) === desk[1])
}
