// Tags as people type them in one text field: "Gestion de projet, audit," -> two tags.
export function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
