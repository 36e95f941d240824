/**
 * The anonymous counts retention (and erasure after a workshop) leaves of confirmed participants:
 * per workshop and organization type, no person behind them.
 */
export interface AttendanceCount {
  workshopId: string;
  organizationType: string;
  participants: number;
}

/** The counts for every workshop of a series. */
export async function attendanceCounts(
  db: D1Database,
  seriesId: number,
): Promise<AttendanceCount[]> {
  const { results } = await db
    .prepare(
      `SELECT a.workshop_id, a.organization_type, a.participants
       FROM attendance_counts a JOIN workshops w ON w.id = a.workshop_id
       WHERE w.series_id = ?`,
    )
    .bind(seriesId)
    .all<{ workshop_id: string; organization_type: string; participants: number }>();
  return results.map((r) => ({
    workshopId: r.workshop_id,
    organizationType: r.organization_type,
    participants: r.participants,
  }));
}
