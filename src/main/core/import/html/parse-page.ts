import { createRequire } from 'node:module'
import type * as Linkedom from 'linkedom'
import { SorotFailure } from '../../../../shared/result'
import { guardMarkup, MAX_DEPTH, MAX_ELEMENTS } from './guard'
import { BLOCK_TAGS, ELEMENT_NODE, NOT_TEXT_SET, TEXT_NODE } from './tags'

/*
 * linkedom parses the page: it is many times faster than jsdom, and Readability's walk over it
 * stays fast on deep pages. It builds a DOM and nothing else: it runs no script, loads nothing,
 * and has no window a page could reach. The depth and size guards bound the work a hostile page
 * can cause.
 */

type LinkedomModule = typeof Linkedom

let linkedom: LinkedomModule | null = null

/**
 * The page as a linkedom document: always an `<html>` with a `<head>` and a `<body>`, no part
 * nested deeper than MAX_DEPTH (the markup is counted and flattened before it is parsed).
 * linkedom is loaded on first use, not when this file is: most commands never read HTML.
 */
export function parsePage(html: string, name: string): Document {
  linkedom ??= createRequire(import.meta.url)('linkedom') as LinkedomModule
  const document = new linkedom.DOMParser().parseFromString(
    guardMarkup(html, name).html,
    'text/html'
  ) as unknown as Document
  wholeDocument(document)
  guardTree(document, name)
  return document
}

/**
 * Gives the document the shape a browser would: linkedom keeps the markup's own shape, so a
 * page written without `<html>`, `<head>` or `<body>` (or with text after them) has its nodes
 * moved into them.
 */
function wholeDocument(document: Document): void {
  const top = Array.from(document.childNodes).filter((node) => node.nodeType !== 10)
  let root = top.find((node) => node.nodeName === 'HTML') as Element | undefined
  if (!root) {
    root = document.createElement('html')
    document.appendChild(root)
  }
  const children = (parent: Element, tag: string): Element | undefined =>
    Array.from(parent.children).find((child) => child.nodeName === tag)
  const head =
    children(root, 'HEAD') ?? root.insertBefore(document.createElement('head'), root.firstChild)
  let body = children(root, 'BODY')
  const before: Node[] = []
  const after: Node[] = []
  const place = (node: Node): void => {
    if (node === root || node === head || node === body) return
    if (['TITLE', 'META', 'LINK', 'BASE'].includes(node.nodeName)) head.appendChild(node)
    else (body ? after : before).push(node)
  }
  for (const node of top) {
    if (node !== root) place(node)
    else for (const child of Array.from(root.childNodes)) place(child)
  }
  if (!body) body = root.appendChild(document.createElement('body'))
  body.prepend(...before)
  body.append(...after)
}

/**
 * Counts the page's elements and flattens what lies deeper than MAX_DEPTH; refuses a page with
 * more than MAX_ELEMENTS. The walk keeps its own stack: a deep page cannot overflow the call
 * stack.
 */
function guardTree(document: Document, name: string): void {
  let count = 0
  const stack: Array<[Element, number]> = [[document.documentElement, 1]]
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [Element, number]
    count += depth === MAX_DEPTH ? 1 + flatten(el) : 1
    if (count > MAX_ELEMENTS)
      throw new SorotFailure(
        'bad_input',
        `${name} is too large to read: it has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`
      )
    if (depth === MAX_DEPTH) continue
    for (let child = el.firstElementChild; child; child = child.nextElementSibling)
      stack.push([child, depth + 1])
  }
}

/**
 * Replaces what is inside `el` by its text as flat blocks: each run of text keeps the kind of
 * the block element it was in (a paragraph, a heading, a list item…) and its `<br>`s; elements
 * that hold no text (scripts, styles, media…) go. Returns how many elements it made.
 */
function flatten(el: Element): number {
  const document = el.ownerDocument
  const runs: Element[] = []
  let owner: Element | null = null
  let run: Element | null = null
  const stack: Array<[Node, Element]> = Array.from(el.childNodes, (node): [Node, Element] => [
    node,
    el
  ]).reverse()
  while (stack.length > 0) {
    const [node, block] = stack.pop() as [Node, Element]
    const tag = node.nodeName.toLowerCase()
    if (node.nodeType === TEXT_NODE || tag === 'br') {
      if (!run || block !== owner) {
        run = document.createElement(block === el ? 'p' : block.nodeName.toLowerCase())
        runs.push(run)
        owner = block
      }
      run.append(
        node.nodeType === TEXT_NODE ? (node.textContent ?? '') : document.createElement('br')
      )
      continue
    }
    if (node.nodeType !== ELEMENT_NODE || NOT_TEXT_SET.has(tag)) continue
    const inner = BLOCK_TAGS.has(tag) ? (node as Element) : block
    const kids = Array.from(node.childNodes)
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], inner])
  }
  el.replaceChildren(...runs)
  return runs.length
}
