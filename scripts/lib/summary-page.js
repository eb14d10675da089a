// Turns one job summary (Markdown) into an HTML page that looks like GitHub's job summary:
// rendered by a GFM renderer (marked) and styled by github-markdown-css. Neither is a
// dependency of the project: they are loaded from a directory outside the repository.
import * as fs from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'

export const DEFAULT_DEPS_DIR = '/tmp/render'

/** Loads marked and the GitHub stylesheet from `depsDir`, or throws saying how to get them. */
export async function loadRenderer(depsDir = DEFAULT_DEPS_DIR) {
  const require = createRequire(path.join(path.resolve(depsDir), 'package.json'))
  let markedFile
  let cssFile
  try {
    markedFile = require.resolve('marked')
    cssFile = require.resolve('github-markdown-css/github-markdown-light.css')
  } catch {
    throw new Error(
      `marked and github-markdown-css are not installed in ${depsDir}. They are not project ` +
        `dependencies; install them outside the repository:\n\n` +
        `  npm i --prefix ${depsDir} marked github-markdown-css\n\n` +
        'or point RENDER_DEPS_DIR at a directory that has them.'
    )
  }
  const { marked } = await import(pathToFileURL(markedFile).href)
  return { marked, css: fs.readFileSync(cssFile, 'utf8') }
}

const escape = text =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * A page framed like a summary on a workflow run's page. `open`: every <details> expanded, to
 * see the previews a reader would click open.
 */
export function summaryPage({ marked, css }, { title, markdown, open = false }) {
  let body = marked.parse(markdown, { gfm: true, breaks: false })
  if (open) body = body.replace(/<details>/g, '<details open>')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>
${css}
body { background: #f6f8fa; margin: 0; padding: 24px; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.frame { max-width: 920px; margin: 0 auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.frame > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; font-size: 14px; color: #1f2328; }
.markdown-body { padding: 16px 24px 24px; }
</style>
</head>
<body>
<div class="frame">
<header>${escape(title)}</header>
<div class="markdown-body">
${body}
</div>
</div>
</body>
</html>
`
}
