/**
 * Queues due mail page after page: reads a page of candidates, resuming after the last row of the
 * page before (so rows the rules turn down cannot keep later ones from their turn), queues the due
 * ones, and stops once a page comes back short or `perRun` are queued; the next run takes the
 * rest. The follow-ups and the offer reminders page alike.
 */
export async function queueInPages<Candidate, Due>(
  { pageSize, perRun }: { pageSize: number; perRun: number },
  readPage: (after: Candidate | undefined) => Promise<Candidate[]>,
  selectDue: (page: Candidate[]) => Due[],
  queue: (due: Due[]) => Promise<string[]>,
): Promise<string[]> {
  const outboxIds: string[] = [];
  let after: Candidate | undefined;
  while (outboxIds.length < perRun) {
    const page = await readPage(after);
    outboxIds.push(...(await queue(selectDue(page).slice(0, perRun - outboxIds.length))));
    if (page.length < pageSize) break;
    after = page.at(-1);
  }
  return outboxIds;
}
