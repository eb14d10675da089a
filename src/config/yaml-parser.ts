// The YAML parser, loaded only when a step has `variables` to read: importing it costs a good
// share of a step's start-up, which every other step would pay for nothing (README
// "Performance"). ncc puts it in a chunk of its own (dist/815.index.js). Loaded before parsing,
// so that parsing itself stays synchronous.
type Yaml = typeof import('yaml')

let loaded: Yaml | undefined

export async function loadYamlParser(): Promise<Yaml> {
  loaded ??= await import('yaml')
  return loaded
}

export function yamlParser(): Yaml {
  if (!loaded) throw new Error('internal error: the YAML parser was used before loadYamlParser()')
  return loaded
}
