/** The text of anything thrown, for one-line messages. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
