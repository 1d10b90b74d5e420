/**
 * An id from a dynamic route segment. Ids hold colons ("person:rustem-umerov");
 * links encode them, and the segment may arrive still encoded.
 */
export async function routeId(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!id.includes("%")) return id;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}
