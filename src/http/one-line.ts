// Server text made safe to put on one line of a log, an output or an error: control characters
// and line breaks become spaces (a line a server starts with `::` would otherwise be obeyed by
// the runner as a workflow command), runs of spaces collapse, and it is cut to a length.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

export function oneLine(text: string, max = Infinity): string {
  const flat = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`
}
