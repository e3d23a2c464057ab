import { evaluate, evaluateSplit } from '/work/wt-speakers/scripts/eval-quotes'
const which = process.argv[2] ?? 'dev'
const r = which === 'old' ? { files: evaluate().files } : evaluateSplit('dev', 1)
for (const f of r.files) if (f.misses.length) console.log(f.file + '\n  ' + f.misses.join('\n  '))
