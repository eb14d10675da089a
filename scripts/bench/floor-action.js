// The floor every benchmark ratio is taken against: an action built with the same toolchain
// (ncc, ESM) that only imports @actions/core, reads one input and writes one output.
import * as core from '@actions/core'

core.setOutput('operation', core.getInput('operation'))
