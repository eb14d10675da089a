// What an operation found out, gathered as it goes, so that outputs and the job summary can be
// written even when it fails half way.
import type { OutputName } from '../config/inputs.js'

export class Report {
  /** The last known remote status (cluster, run or deployment status). */
  status?: string
  changed = false
  /** Where to look: the cluster UI, the pipeline run. */
  readonly links: { label: string; url: string }[] = []
  readonly outputs = new Map<OutputName, string>()
  /** Extra rows for the summary's table: label → value (already safe to show). */
  readonly rows: [string, string][] = []
  /** Extra Markdown blocks for the summary (already safe to show). */
  readonly sections: string[] = []

  set(name: OutputName, value: string): void {
    this.outputs.set(name, value)
  }

  row(label: string, value: string): void {
    const existing = this.rows.find(([key]) => key === label)
    if (existing) existing[1] = value
    else this.rows.push([label, value])
  }

  section(markdown: string): void {
    this.sections.push(markdown)
  }

  link(label: string, url: string): void {
    if (!this.links.some(link => link.url === url)) this.links.push({ label, url })
  }
}
