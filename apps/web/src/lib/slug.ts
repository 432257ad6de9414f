// A group's address from its name, by the API's slug rule (a-z, 0-9, single hyphens, 2-64).

/** "Qualité & Méthodes" -> "qualite-methodes". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
