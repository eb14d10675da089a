// "Likely cause" lines for the `exception` text of Mage's 500 envelope (SPEC §6 "Hints"). Words
// for the user only: control flow never depends on them (Mage even reuses stale messages).

/** What was being run when the exception came back. */
export type RunSubject = 'block' | 'trigger'

const TOKEN_PATTERNS = ['No row was found when one was required', 'Invalid token']

export function likelyCauseOf(exception: string, subject: RunSubject): string {
  if (TOKEN_PATTERNS.some(pattern => exception.includes(pattern))) {
    return subject === 'trigger'
      ? 'the trigger token is wrong or was rotated, or it belongs to another schedule-id'
      : 'the trigger token is wrong or was rotated'
  }
  if (exception.includes('does not exist')) {
    return 'check the pipeline uuid (case-sensitive)'
  }
  if (exception.includes('record_not_found')) {
    return subject === 'trigger'
      ? 'check schedule-id: no such trigger on this cluster'
      : 'check the block uuid (case-sensitive)'
  }
  return subject === 'trigger'
    ? 'the server raised while creating the run: see the traceback and the cluster logs'
    : 'the block raised: see its logs in Mage'
}
