import { compileOutletRule, type OutletRule } from './outlet-rules'
import { OUTLET_RULE_DATA } from './outlets'

/*
 * The outlets Sorot knows (one rule file each in ./outlets). Generic extraction stays the
 * fallback for every site without a rule, and for a rule whose body selectors find nothing.
 */

let rules: OutletRule[] | null = null

/** All rules, validated and compiled on first use (most commands never read a page). */
export function outletRules(): OutletRule[] {
  rules ??= OUTLET_RULE_DATA.map(compileOutletRule)
  return rules
}

function hostOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return null
  }
}

/** The rule of the outlet a page belongs to, by its address's host or its site name. */
export function outletRuleFor(
  urls: Array<string | null>,
  siteName: string | null
): OutletRule | null {
  const all = outletRules()
  for (const host of urls.map(hostOf)) {
    if (!host) continue
    const rule = all.find((r) => r.hosts.some((h) => host === h || host.endsWith(`.${h}`)))
    if (rule) return rule
  }
  const site = siteName?.trim().toLowerCase()
  return (site && all.find((rule) => rule.siteNames.includes(site))) || null
}
