import { DEMO_SERIES_SLUG } from '../../demo/content';
import { E2E_ADMIN_TOKEN } from '../support/dev-stack';

export interface StoredRegistration {
  email: string;
  organizationType: string;
  workshopIds: string[];
}

/**
 * The demo series' registrations with `email`, as organizers see them through the admin API (the
 * documented contract, rather than the database schema).
 */
export async function registrationsOf(url: string, email: string): Promise<StoredRegistration[]> {
  const response = await fetch(`${url}/api/v1/admin/series/${DEMO_SERIES_SLUG}/registrations`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
  });
  if (!response.ok) throw new Error(`admin registrations: ${response.status}`);
  const { registrations } = (await response.json()) as { registrations: StoredRegistration[] };
  return registrations.filter((r) => r.email === email);
}
