// The benchmark's console report: the targets first, as ratios and pass/fail.

export function printResults(results) {
  const {
    coldStart,
    roundTrips,
    readiness,
    smokeRuns,
    smokeReference,
    smokeByRequest,
    bigOutputs,
    bundle
  } = results
  const line = (pass, text) => console.log(`${pass ? 'PASS' : 'FAIL'}  ${text}`)
  console.log(`\nNode ${results.machine.node}, ${results.rounds} rounds, medians`)
  line(
    coldStart.clusterStatus.pass,
    `cluster-status ${coldStart.clusterStatus.ratioToFloor}× the floor action (≤ 1.2); ${coldStart.clusterStatus.ratioToLeanFloor}× the floor without undici`
  )
  line(
    coldStart.runBlock.pass,
    `run-block, one block ${coldStart.runBlock.ratioToFloor}× the floor (≤ 1.2); ${coldStart.runBlock.ratioToBarePost}× a bare POST`
  )
  console.log(
    `      the floor without undici: ${coldStart.floorLean.ratioToFloor}×, plus the same two requests: ` +
      `${coldStart.floorRequests.ratioToFloor}×; CPU time × the floor: ` +
      `cluster-status ${coldStart.clusterStatus.cpuRatioToFloor}, floor + requests ` +
      `${coldStart.floorRequests.cpuRatioToFloor}, run-block ${coldStart.runBlock.cpuRatioToFloor}`
  )
  console.log(`      post step with nothing to do: ${coldStart.post.ratioToFloor}× the floor`)
  for (const row of roundTrips) {
    line(
      row.pass,
      `${row.operation} (${row.situation}): ${row.requests} requests, minimum ${row.minimum}`
    )
  }
  for (const row of readiness) {
    line(
      row.pass,
      `${row.label}: lag ${row.lagMs.median} ms (limit ${row.limitMs}), cloud polls ${row.clusterPolls.median}, runs over the poll limit ${row.runsOverPollLimit}`
    )
  }
  for (const row of smokeRuns) {
    line(
      row.pass,
      `smoke run of ${row.blocks}: ${row.requests} requests on ${row.connections} connections, ${row.wallMs.median} ms (a minimal script sending them ${row.bareWallMs.median} ms)` +
        (row.blocks > 1
          ? `; from the first request, blocks 2–${row.blocks} add ${row.addedMs} ms, requests 2–${row.blocks} add ${row.bareAddedMs} ms to the script: ${row.ratio.median}× (90 % interval ${row.ratio.low}× to ${row.ratio.high}×, limit ${smokeReference.about}×); ceiling ${row.ceilingMs} ms`
          : '')
    )
  }
  console.log(
    `      a minimal script's one-request run takes ${smokeReference.singleRequestMs} ms from its request to its end; a warm process sends one more in ${coldStart.requestMs.median} ms`
  )
  const placed = ({ gapsMs, lastToEndMs }) => `${gapsMs.join(' ')}, then ${lastToEndMs} to exit`
  console.log(
    `      ${smokeByRequest.blocks} blocks, ms from one request to the next: step ${placed(smokeByRequest.step)}; script ${placed(smokeByRequest.script)}`
  )
  for (const row of bigOutputs) {
    line(
      row.pass,
      `${row.label}: peak RSS ${(row.peakRssBytes.max / 1e6).toFixed(0)} MB = ${row.worstRssToOutput}× the output, ${row.wallMs.median} ms, file exact: ${row.outputFileExact}`
    )
  }
  const main = bundle.files.find(file => file.path === 'dist/index.js')
  console.log(
    `      dist/index.js ${(main.bytes / 1000).toFixed(0)} kB; minified ${(bundle.minifiedBytes / 1000).toFixed(0)} kB`
  )
}
